package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.benchmarks.Benchmark;
import io.tributary.benchmarks.Workspace;
import io.tributary.benchmarks.process.ChildProcesses;
import io.tributary.benchmarks.process.FreePorts;
import io.tributary.benchmarks.process.ResidentMemory;
import io.tributary.benchmarks.process.ScratchDirectories;
import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.benchmarks.report.ResultsFile;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./tributary bench gateway}: the packaged Tributary server against stock Flink's SQL Gateway on the same
 * kind of embedded cluster, side by side: ad-hoc query latency (submit to first row), launch to first answered
 * query, and resident memory at idle. Prints a table and writes {@code benchmarks/results/gateway-<date>.md}.
 */
public final class GatewayBenchmark implements Benchmark {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration START_RETRY_INTERVAL = Duration.ofMillis(20);

    private final Workspace workspace;
    private final ChildProcesses processes;
    private final ScratchDirectories scratch;
    private final ObjectMapper json;
    private final PrintStream out;

    public GatewayBenchmark(Workspace workspace, ChildProcesses processes, ScratchDirectories scratch,
            ObjectMapper json, PrintStream out) {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.json = requireNonNull(json, "json is null");
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String description() {
        return "Tributary vs stock Flink SQL Gateway: query latency, start-up time, idle memory";
    }

    @Override
    public String usage() {
        return GatewayBenchmarkOptions.USAGE;
    }

    @Override
    public void run(List<String> arguments) throws Exception {
        GatewayBenchmarkOptions options = GatewayBenchmarkOptions.parse(arguments);
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        MachineInfo machine = MachineInfo.current();

        SqlGatewayClient client = new SqlGatewayClient(SqlGatewayClient.newHttpClient(CONNECT_TIMEOUT), json,
                REQUEST_TIMEOUT);
        TimedQueryRunner runner = new TimedQueryRunner(options.pollInterval(), QUERY_TIMEOUT);
        ServerStarter starter = new ServerStarter(client, runner, START_TIMEOUT, START_RETRY_INTERVAL);
        FreePorts ports = new FreePorts(InetAddress.getByName("127.0.0.1"));
        GatewayServerLauncher tributary = new TributaryServerLauncher(workspace, processes, scratch, ports);
        GatewayServerLauncher stock = new StockGatewayLauncher(workspace, processes, scratch, ports);
        List<GatewayServerLauncher> launchers = List.of(tributary, stock);
        List<BenchmarkQuery> queries = BenchmarkQuery.adHocQueries();

        out.printf("Gateway benchmark: %s vs %s SQL Gateway on %d cores (load average %s)%n", tributary.name(),
                stock.name(), machine.cores(), machine.loadAverage());
        out.printf("Start-up: %d fresh starts of each server, launch to first answered SELECT 1%n",
                options.startRuns());
        List<StartupSamples> startup = new StartupComparison(starter, options.startRuns(), out).run(launchers);

        out.printf("Latency: %d warm-up rounds, then %d measured rounds of %d queries on both servers%n",
                options.warmUpRounds(), options.iterations(), queries.size());
        List<LatencySamples> latency;
        List<IdleMemory> memory = new ArrayList<>();
        List<StartedServer> servers = new ArrayList<>();
        try {
            for (GatewayServerLauncher launcher : launchers) {
                servers.add(starter.start(launcher));
            }
            List<Contender> contenders = new ArrayList<>();
            for (StartedServer server : servers) {
                contenders.add(new Contender(server.server().name(), client.openSession(server.server().endpoint())));
            }
            latency = new LatencyComparison(runner, options.warmUpRounds(), options.iterations(), out)
                    .run(queries, contenders);
            for (Contender contender : contenders) {
                contender.session().close();
            }
            out.printf("Memory: idle for %d s, then resident memory of each server%n",
                    options.idleWait().toSeconds());
            TimeUnit.NANOSECONDS.sleep(options.idleWait().toNanos());
            ResidentMemory residentMemory = new ResidentMemory(Path.of("/proc"));
            for (StartedServer server : servers) {
                memory.add(new IdleMemory(server.server().name(),
                        residentMemory.bytesOf(server.server().process().pid())));
            }
        } finally {
            for (StartedServer server : servers) {
                server.server().process().stop(ChildProcesses.STOP_GRACE);
            }
        }

        GatewayReport report = new GatewayReport(new GatewayResults(started,
                Duration.ofNanos(System.nanoTime() - startedNanos), machine, MachineInfo.currentLoadAverage(),
                options, tributary.name(), stock.name(), queries, latency, startup, memory));
        out.print(report.text());
        Path file = ResultsFile.write(workspace.resultsDirectory(), name(), started, report.markdown());
        out.println();
        out.println("Results written to " + workspace.root().relativize(file));
    }
}
