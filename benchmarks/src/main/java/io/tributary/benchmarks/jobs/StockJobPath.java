package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.gateway.GatewaySession;
import io.tributary.benchmarks.gateway.ResultPage;
import io.tributary.benchmarks.gateway.SqlGatewayClient;
import io.tributary.benchmarks.gateway.TimedQueryRunner;
import io.tributary.benchmarks.rest.FlinkRestApi;
import io.tributary.benchmarks.rounds.InterleavedRuns;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stock Flink's way to a running job: a session on its SQL Gateway, {@code SET 'table.dml-sync' = 'false'} and
 * the DDL, then the INSERT, timed from the session's request to RUNNING on the MiniCluster's REST API — the same
 * work Tributary's promote + deploy does from nothing (the INSERT alone is measured as well). Afterwards (untimed)
 * it cancels the job with {@code PATCH /jobs/<id>?mode=cancel}, waits until it ended and closes the session.
 */
final class StockJobPath implements InterleavedRuns.Contender<JobRun> {

    private final String name;
    private final SqlGatewayClient client;
    private final TimedQueryRunner runner;
    private final URI gateway;
    private final FlinkRestApi cluster;
    private final RunningWatcher watcher;
    private final StreamingJob job;
    private final Duration pollInterval;
    private final Duration timeout;

    StockJobPath(String name, SqlGatewayClient client, TimedQueryRunner runner, URI gateway, FlinkRestApi cluster,
            RunningWatcher watcher, StreamingJob job, Duration pollInterval, Duration timeout) {
        this.name = requireNonNull(name, "name is null");
        this.client = requireNonNull(client, "client is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.job = requireNonNull(job, "job is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JobRun runOnce(int run) throws IOException, InterruptedException {
        StreamingJob job = this.job.forRun(run);
        long start = System.nanoTime();
        GatewaySession session = client.openSession(gateway);
        try {
            runner.execute(session, "SET 'table.dml-sync' = 'false'");
            for (String dependency : job.dependencies()) {
                runner.execute(session, dependency);
            }
            Duration setUp = Duration.ofNanos(System.nanoTime() - start);
            String operation = session.submit(job.statement());
            String flinkJobId;
            try {
                flinkJobId = awaitJobId(session, operation, job);
            } finally {
                session.closeOperation(operation);
            }
            long submitted = System.nanoTime();
            try {
                RunningWatcher.Milestones running = watcher.awaitRunning(cluster, flinkJobId, start);
                return new JobRun(Optional.empty(), Duration.ofNanos(submitted - start), running.jobRunning(),
                        running.tasksRunning(), Optional.of(setUp));
            } finally {
                cluster.cancel(flinkJobId);
                watcher.awaitEnded(cluster, flinkJobId);
            }
        } finally {
            session.close();
        }
    }

    /** Follows the INSERT's result pages until one names the Flink job it submitted. */
    private String awaitJobId(GatewaySession session, String operation, StreamingJob job)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        String resultPath = session.firstResultPath(operation);
        while (System.nanoTime() - start < timeout.toNanos()) {
            ResultPage page = session.fetch(resultPath);
            if (page.jobId().isPresent()) {
                return page.jobId().get();
            }
            if (page.isLast()) {
                throw new IOException("the INSERT ended without naming its Flink job: " + job.statement());
            }
            if (page.rowCount() == 0) {
                TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
            }
            resultPath = page.nextResultPath().orElseThrow();
        }
        throw new IOException("the INSERT did not name its Flink job within " + timeout.toSeconds() + " s");
    }
}
