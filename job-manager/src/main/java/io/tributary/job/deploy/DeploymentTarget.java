package io.tributary.job.deploy;

import io.tributary.job.JobVersion;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One way of running managed jobs on Flink: one implementation per mode (embedded session, standalone session,
 * YARN session / per-job / application, later Kubernetes session / application), each driving Flink's own
 * client APIs. Session targets submit through a gateway session pointed at their cluster; per-job and
 * application targets ship the frozen job version to a cluster of its own.
 */
public interface DeploymentTarget {

    /** The cluster id jobs name ({@code embedded} for the embedded cluster). */
    String clusterId();

    /** The mode, e.g. {@code embedded}, {@code standalone}. */
    String kind();

    /** Flink's web UI of the cluster the job runs on. */
    URI webUi();

    /**
     * Flink's web UI of the cluster the job {@code flinkJobId} runs on: the same for every job of a session cluster;
     * the job's own JobManager for a target that starts a cluster per job.
     */
    default URI webUi(String flinkJobId) {
        return webUi();
    }

    /** Fails with {@link ClusterUnavailableException} when the cluster does not answer. */
    void checkReachable();

    /**
     * Submits the job version as the Flink job {@code flinkJobId} (chosen by the caller, so that it is known
     * before the job exists), restoring from {@code restoreFrom} when present; returns the Flink job id.
     */
    String submit(JobVersion version, String jobName, String flinkJobId, Optional<String> restoreFrom);

    /** The job's status as the cluster reports it ({@link ClusterUnavailableException} when it does not answer). */
    ObservedJob observe(String flinkJobId);

    /** Stops the job with a savepoint into {@code directory}; completes with the savepoint's path. */
    CompletableFuture<String> stopWithSavepoint(String flinkJobId, String directory);

    /** Cancels the job without a savepoint and waits until Flink confirms it is canceled. */
    void cancel(String flinkJobId, Duration timeout);

    /** The path of the latest checkpoint the cluster completed for the job and retained, if any. */
    Optional<String> latestRetainedCheckpoint(String flinkJobId);

    /** Flink REST answers for diagnosis: root cause and exception history, checkpoint statistics, logs. */
    FlinkRestDiagnostics diagnostics();

    /**
     * {@link #diagnostics()} of the cluster the job {@code flinkJobId} runs on: the same for every job of a session
     * cluster; the job's own JobManager for a target that starts a cluster per job.
     */
    default FlinkRestDiagnostics diagnostics(String flinkJobId) {
        return diagnostics();
    }

    /**
     * Why the cluster does not know a Flink job that should be there (the reason of the job's LOST state); a target
     * that starts a cluster per job says what became of that cluster.
     */
    default String whyUnknown(String flinkJobId) {
        return "cluster " + clusterId() + " does not know Flink job " + flinkJobId;
    }

    /**
     * True when {@link #submit} plans the statement in the server's own SQL Gateway (session clusters): the planner
     * then compiles the plan before Flink sees a job, so a submission that succeeds is also a validation.
     */
    default boolean plansInServer() {
        return false;
    }
}
