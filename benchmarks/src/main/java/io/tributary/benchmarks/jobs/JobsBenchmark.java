package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.benchmarks.Benchmark;
import io.tributary.benchmarks.Workspace;
import io.tributary.benchmarks.gateway.GatewayServer;
import io.tributary.benchmarks.gateway.ServerStarter;
import io.tributary.benchmarks.gateway.SqlGatewayClient;
import io.tributary.benchmarks.gateway.StartedServer;
import io.tributary.benchmarks.gateway.StockGatewayLauncher;
import io.tributary.benchmarks.gateway.TimedQueryRunner;
import io.tributary.benchmarks.gateway.TributaryServerLauncher;
import io.tributary.benchmarks.process.ChildProcesses;
import io.tributary.benchmarks.process.FreePorts;
import io.tributary.benchmarks.process.ScratchDirectories;
import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.benchmarks.report.ResultsFile;
import io.tributary.benchmarks.rest.FlinkRestApi;
import io.tributary.benchmarks.rest.JsonHttp;
import io.tributary.benchmarks.rest.ManagementApi;
import io.tributary.benchmarks.rounds.InterleavedRuns;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tributary bench jobs}: from a statement to a RUNNING job on the embedded cluster, Tributary's promote +
 * deploy against the same INSERT submitted straight through stock Flink's SQL Gateway. Prints a table and writes
 * {@code benchmarks/results/jobs-<date>.md}.
 */
public final class JobsBenchmark implements Benchmark {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration START_RETRY_INTERVAL = Duration.ofMillis(20);
    /**
     * How often the stock side asks for a statement's result while it is not ready: as often as Tributary's server
     * looks at its own statements (at most 2 ms apart), so neither side waits longer for an answer that is there.
     */
    static final Duration STATEMENT_POLL_INTERVAL = Duration.ofMillis(2);

    private final Workspace workspace;
    private final ChildProcesses processes;
    private final ScratchDirectories scratch;
    private final ObjectMapper json;
    private final PrintStream out;

    public JobsBenchmark(Workspace workspace, ChildProcesses processes, ScratchDirectories scratch,
            ObjectMapper json, PrintStream out) {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.json = requireNonNull(json, "json is null");
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public String description() {
        return "Tributary promote + deploy vs an INSERT through stock Flink SQL Gateway: time to RUNNING";
    }

    @Override
    public String usage() {
        return JobsBenchmarkOptions.USAGE;
    }

    @Override
    public void run(List<String> arguments) throws Exception {
        JobsBenchmarkOptions options = JobsBenchmarkOptions.parse(arguments);
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        MachineInfo machine = MachineInfo.current();

        HttpClient http = SqlGatewayClient.newHttpClient(CONNECT_TIMEOUT);
        SqlGatewayClient client = new SqlGatewayClient(http, json, REQUEST_TIMEOUT);
        JsonHttp rest = new JsonHttp(http, json, REQUEST_TIMEOUT);
        TimedQueryRunner runner = new TimedQueryRunner(options.pollInterval(), STATEMENT_TIMEOUT);
        ServerStarter starter = new ServerStarter(client, runner, START_TIMEOUT, START_RETRY_INTERVAL);
        FreePorts ports = new FreePorts(InetAddress.getByName("127.0.0.1"));
        TributaryServerLauncher tributary = new TributaryServerLauncher(workspace, processes, scratch, ports);
        StockGatewayLauncher stock = new StockGatewayLauncher(workspace, processes, scratch, ports);
        RunningWatcher watcher = new RunningWatcher(options.pollInterval(), JOB_TIMEOUT);
        StreamingJob job = StreamingJob.datagenToBlackhole();

        out.printf("Jobs benchmark: %s promote + deploy vs an INSERT through %s SQL Gateway on %d cores"
                + " (load average %s)%n", tributary.name(), stock.name(), machine.cores(), machine.loadAverage());
        List<StartedServer> servers = new ArrayList<>();
        Map<String, List<JobRun>> runs;
        try {
            for (var launcher : List.of(tributary, stock)) {
                StartedServer server = starter.start(launcher);
                servers.add(server);
                out.printf("  %s answered its first query %.1f s after launch%n", launcher.name(),
                        server.launchToFirstRow().toMillis() / 1000.0);
            }
            GatewayServer ours = servers.get(0).server();
            GatewayServer theirs = servers.get(1).server();
            List<InterleavedRuns.Contender<JobRun>> contenders = List.of(
                    new TributaryJobPath(ours.name(), new ManagementApi(rest, ours.requireManagementEndpoint()),
                            new FlinkRestApi(rest, ours.clusterEndpoint()), watcher, job, "bench-job-"),
                    new StockJobPath(theirs.name(), client,
                            new TimedQueryRunner(STATEMENT_POLL_INTERVAL, STATEMENT_TIMEOUT), theirs.endpoint(),
                            new FlinkRestApi(rest, theirs.clusterEndpoint()), watcher, job, STATEMENT_POLL_INTERVAL,
                            STATEMENT_TIMEOUT));
            out.printf("Runs: %d warm-up rounds, then %d measured rounds on both servers%n", options.warmUpRounds(),
                    options.iterations());
            runs = new InterleavedRuns(options.warmUpRounds(), options.iterations(), out)
                    .run("job to RUNNING", contenders);
        } finally {
            for (StartedServer server : servers) {
                server.server().process().stop(ChildProcesses.STOP_GRACE);
            }
        }

        JobsReport report = new JobsReport(new JobsResults(started,
                Duration.ofNanos(System.nanoTime() - startedNanos), machine, MachineInfo.currentLoadAverage(),
                options, job, tributary.name(), stock.name(), runs.get(tributary.name()), runs.get(stock.name())));
        out.print(report.text());
        Path file = ResultsFile.write(workspace.resultsDirectory(), name(), started, report.markdown());
        out.println();
        out.println("Results written to " + workspace.root().relativize(file));
    }
}
