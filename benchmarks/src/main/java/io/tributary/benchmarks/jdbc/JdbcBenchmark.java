package io.tributary.benchmarks.jdbc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.benchmarks.Benchmark;
import io.tributary.benchmarks.Workspace;
import io.tributary.benchmarks.gateway.GatewayServerLauncher;
import io.tributary.benchmarks.gateway.ServerStarter;
import io.tributary.benchmarks.gateway.SqlGatewayClient;
import io.tributary.benchmarks.gateway.StartedServer;
import io.tributary.benchmarks.gateway.TimedQueryRunner;
import io.tributary.benchmarks.gateway.TributaryServerLauncher;
import io.tributary.benchmarks.process.ChildProcess;
import io.tributary.benchmarks.process.ChildProcessSpec;
import io.tributary.benchmarks.process.ChildProcesses;
import io.tributary.benchmarks.process.FreePorts;
import io.tributary.benchmarks.process.ScratchDirectories;
import io.tributary.benchmarks.report.Goal;
import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.benchmarks.report.MarkdownTableRenderer;
import io.tributary.benchmarks.report.Table;
import io.tributary.benchmarks.report.TextTableRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tributary bench jdbc}: the same rows fetched from the packaged server through Tributary's JDBC driver
 * and through Flink's flink-sql-jdbc-driver, one after the other in one run, each in a JVM of its own with the
 * same heap limit, only its driver on the class path and the same logging settings (warnings only: Flink's driver
 * would otherwise log every response at DEBUG). Each client fetches the rows once untimed, then times its rounds;
 * the median round counts. Reports rows/s, their ratio and each client's peak heap; writes
 * {@code benchmarks/results/jdbc-<date>.md}.
 */
public final class JdbcBenchmark implements Benchmark {

    static final double RATIO_GOAL = 3.0;
    static final long HEAP_GOAL_BYTES = 256L * 1024 * 1024;
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(30);
    private static final String USAGE = "--rows N (rows fetched, 1000000), --rounds N (timed rounds per driver, 3),"
            + " --heap-mb N (each client's -Xmx, 256)";
    private static final String CLIENT_LOGGING = "<configuration><appender name=\"err\" "
            + "class=\"ch.qos.logback.core.ConsoleAppender\"><target>System.err</target><encoder><pattern>%level "
            + "%logger %msg%n</pattern></encoder></appender><root level=\"WARN\"><appender-ref ref=\"err\"/></root>"
            + "</configuration>\n";

    private final Workspace workspace;
    private final ChildProcesses processes;
    private final ScratchDirectories scratch;
    private final ObjectMapper json;
    private final PrintStream out;

    public JdbcBenchmark(Workspace workspace, ChildProcesses processes, ScratchDirectories scratch,
            ObjectMapper json, PrintStream out) {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.json = requireNonNull(json, "json is null");
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public String description() {
        return "Tributary's JDBC driver vs Flink's flink-sql-jdbc-driver: rows/s and client heap on one server";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public void run(List<String> arguments) throws Exception {
        long rows = 1_000_000;
        int heapMegabytes = 256;
        int rounds = 3;
        for (int i = 0; i < arguments.size(); i += 2) {
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException("option " + arguments.get(i) + " needs a value");
            }
            switch (arguments.get(i)) {
                case "--rows" -> rows = Long.parseLong(arguments.get(i + 1));
                case "--heap-mb" -> heapMegabytes = Integer.parseInt(arguments.get(i + 1));
                case "--rounds" -> rounds = Integer.parseInt(arguments.get(i + 1));
                default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
            }
        }
        Path driverJar = workspace.root().resolve("jdbc-driver/target/tributary-jdbc.jar");
        if (!Files.isRegularFile(driverJar)) {
            throw new IllegalStateException(driverJar + " does not exist: ./tributary bench builds it");
        }
        Instant started = Instant.now();
        MachineInfo machine = MachineInfo.current();
        SqlGatewayClient client = new SqlGatewayClient(SqlGatewayClient.newHttpClient(Duration.ofSeconds(2)), json,
                Duration.ofSeconds(60));
        ServerStarter starter = new ServerStarter(client, new TimedQueryRunner(Duration.ofMillis(2),
                Duration.ofSeconds(120)), Duration.ofSeconds(180), Duration.ofMillis(20));
        GatewayServerLauncher launcher = new TributaryServerLauncher(workspace, processes, scratch,
                new FreePorts(InetAddress.getByName("127.0.0.1")));
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
        }
        out.printf("JDBC benchmark: %d rows through each driver, one untimed fetch then the median of %d, -Xmx%dm,"
                + " %d cores (load average %s)%n", rows, rounds, heapMegabytes, machine.cores(), machine.loadAverage());
        Path program = scratch.create("jdbc-benchmark").resolve("FetchRows.java");
        Files.writeString(program.resolveSibling("logback.xml"), CLIENT_LOGGING);
        try (InputStream source = JdbcBenchmark.class.getResourceAsStream("FetchRows.java.txt")) {
            Files.write(program, source.readAllBytes());
        }
        List<FetchResult> results = new ArrayList<>();
        StartedServer server = starter.start(launcher);
        try {
            String hostPort = server.server().endpoint().getHost() + ":" + server.server().endpoint().getPort();
            results.add(fetch("Tributary JDBC driver", driverJar.toString(), "jdbc:tributary://" + hostPort,
                    program, rows, rounds, heapMegabytes));
            Path flinkLibraries = workspace.benchmarksJar().getParent().resolve("lib");
            results.add(fetch("Flink flink-sql-jdbc-driver", flinkLibraries + "/*", "jdbc:flink://" + hostPort,
                    program, rows, rounds, heapMegabytes));
        } finally {
            server.server().process().stop(ChildProcesses.STOP_GRACE);
        }
        report(results, started, machine, rounds);
    }

    private FetchResult fetch(String driver, String classPath, String url, Path program, long rows, int rounds,
            int heapMegabytes) throws IOException, InterruptedException {
        out.printf("  %s ...%n", driver);
        Path directory = program.getParent();
        ChildProcess process = processes.start(new ChildProcessSpec(driver,
                List.of(workspace.javaExecutable().toString(), "-Xmx" + heapMegabytes + "m",
                        "-Dlogback.configurationFile=" + program.resolveSibling("logback.xml"), "-cp", classPath,
                        program.toString(), url, Long.toString(rows), Integer.toString(rounds)),
                directory, "TRIBUTARY_", Map.of(), directory.resolve(driver.replace(' ', '-') + ".log")));
        long deadline = System.nanoTime() + FETCH_TIMEOUT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        process.stop(ChildProcesses.STOP_GRACE);
        String output = Files.readString(directory.resolve(driver.replace(' ', '-') + ".log"));
        FetchResult result = FetchResult.parse(driver, output);
        if (result == null) {
            throw new IllegalStateException(driver + " did not fetch the rows; its output:\n" + output);
        }
        out.printf("    %,.0f rows/s, peak heap %d MiB%n", result.rowsPerSecond(), result.peakHeapBytes() >> 20);
        return result;
    }

    private void report(List<FetchResult> results, Instant started, MachineInfo machine, int rounds)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (FetchResult result : results) {
            rows.add(List.of(result.driver(), Long.toString(result.rows()),
                    String.format(Locale.ROOT, "%.1f", result.seconds()),
                    String.format(Locale.ROOT, "%.0f", result.rowsPerSecond()),
                    Long.toString(result.peakHeapBytes() >> 20)));
        }
        Table table = new Table("Rows fetched through JDBC", List.of("Driver", "Rows", "Seconds", "Rows/s",
                "Peak heap (MiB)"), rows);
        double ratio = results.get(0).rowsPerSecond() / results.get(1).rowsPerSecond();
        List<Goal> goals = List.of(
                new Goal("Rows/s, Tributary / Flink", String.format(Locale.ROOT, ">= %.1fx", RATIO_GOAL),
                        String.format(Locale.ROOT, "%.2fx", ratio), ratio >= RATIO_GOAL),
                new Goal("Peak client heap, Tributary", "< " + (HEAP_GOAL_BYTES >> 20) + " MiB",
                        (results.get(0).peakHeapBytes() >> 20) + " MiB",
                        results.get(0).peakHeapBytes() < HEAP_GOAL_BYTES));
        Table goalTable = new Table("Goals", List.of("Goal", "Target", "Measured", "Result"), goals.stream()
                .map(goal -> List.of(goal.description(), goal.target(), goal.measured(), goal.verdict())).toList());
        String conditions = "Load average " + machine.loadAverage() + " at start, " + MachineInfo.currentLoadAverage()
                + " at end; " + machine.cores() + " cores. Each driver: one untimed fetch, then the median of "
                + rounds + " timed fetches.";
        TextTableRenderer text = new TextTableRenderer();
        out.println();
        out.println(conditions);
        out.print(text.render(table));
        out.print(text.render(goalTable));
        MarkdownTableRenderer markdown = new MarkdownTableRenderer();
        String file = "# JDBC benchmark, " + started + "\n\n" + conditions + "\n\n" + markdown.render(table) + "\n"
                + markdown.render(goalTable);
        Files.createDirectories(workspace.resultsDirectory());
        Path written = workspace.resultsDirectory().resolve("jdbc-" + LocalDate.ofInstant(started, ZoneOffset.UTC)
                + ".md");
        Files.writeString(written, file, StandardCharsets.UTF_8);
        out.println("Results written to " + workspace.root().relativize(written));
    }
}
