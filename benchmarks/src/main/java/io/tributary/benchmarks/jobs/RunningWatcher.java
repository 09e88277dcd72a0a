package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.rest.FlinkJobStatus;
import io.tributary.benchmarks.rest.FlinkRestApi;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Polls a cluster's REST API for one job every {@code pollInterval}, for at most {@code timeout}: until it is
 * RUNNING with all its tasks running, or until it is gone (cancelled).
 */
final class RunningWatcher {

    private final Duration pollInterval;
    private final Duration timeout;

    RunningWatcher(Duration pollInterval, Duration timeout) {
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** When, after {@code startNanos}, the job was first seen RUNNING and first seen with all tasks RUNNING. */
    Milestones awaitRunning(FlinkRestApi cluster, String jobId, long startNanos)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long jobRunning = -1;
        Optional<FlinkJobStatus> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = cluster.job(jobId);
            long now = System.nanoTime();
            if (last.isPresent()) {
                FlinkJobStatus status = last.get();
                if (status.terminal()) {
                    throw new IOException("Flink job " + jobId + " ended before it ran: " + status);
                }
                if (status.jobRunning() && jobRunning < 0) {
                    jobRunning = now - startNanos;
                }
                if (status.allTasksRunning()) {
                    return new Milestones(Duration.ofNanos(jobRunning), Duration.ofNanos(now - startNanos));
                }
            }
            TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
        }
        throw new IOException("Flink job " + jobId + " did not run all its tasks within " + timeout.toSeconds()
                + " s; last seen: " + last.map(FlinkJobStatus::toString).orElse("unknown to the cluster"));
    }

    /** Waits until the job has ended (after a cancel), so that the next run starts on an idle cluster. */
    void awaitEnded(FlinkRestApi cluster, String jobId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<FlinkJobStatus> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = cluster.job(jobId);
            if (last.isPresent() && last.get().terminal()) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
        }
        throw new IOException("Flink job " + jobId + " did not end within " + timeout.toSeconds()
                + " s of its cancel; last seen: " + last.map(FlinkJobStatus::toString).orElse("unknown"));
    }

    record Milestones(Duration jobRunning, Duration tasksRunning) {}
}
