package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.rest.FlinkRestApi;
import io.tributary.benchmarks.rest.ManagementApi;
import io.tributary.benchmarks.rounds.InterleavedRuns;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Tributary's way to a running job: promote and deploy to the embedded cluster in one request ({@code POST
 * /api/v1/jobs} with {@code deploy: true}: the submission is the plan's validation), timed from that request to
 * RUNNING on the cluster's REST API. Afterwards (untimed) it cancels the job through the management API and waits
 * until the cluster reports it ended.
 */
final class TributaryJobPath implements InterleavedRuns.Contender<JobRun> {

    private final String name;
    private final ManagementApi management;
    private final FlinkRestApi cluster;
    private final RunningWatcher watcher;
    private final StreamingJob job;
    private final String jobNamePrefix;

    TributaryJobPath(String name, ManagementApi management, FlinkRestApi cluster, RunningWatcher watcher,
            StreamingJob job, String jobNamePrefix) {
        this.name = requireNonNull(name, "name is null");
        this.management = requireNonNull(management, "management is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.job = requireNonNull(job, "job is null");
        this.jobNamePrefix = requireNonNull(jobNamePrefix, "jobNamePrefix is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JobRun runOnce(int run) throws IOException, InterruptedException {
        StreamingJob job = this.job.forRun(run);
        long start = System.nanoTime();
        ManagementApi.PromotedJob promoted = management.promoteAndDeploy(jobNamePrefix + run, job.statement(),
                job.dependencies(), Map.of());
        long submitted = System.nanoTime();
        String flinkJobId = promoted.deployed().flinkJobId();
        try {
            RunningWatcher.Milestones running = watcher.awaitRunning(cluster, flinkJobId, start);
            return new JobRun(Optional.empty(), Duration.ofNanos(submitted - start), running.jobRunning(),
                    running.tasksRunning(), Optional.empty());
        } finally {
            management.cancel(promoted.id());
            watcher.awaitEnded(cluster, flinkJobId);
        }
    }
}
