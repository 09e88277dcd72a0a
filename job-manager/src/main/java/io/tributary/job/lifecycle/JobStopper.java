package io.tributary.job.lifecycle;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterRegistry;
import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.sql.FlinkErrorMessage;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops jobs: with a savepoint (the job stays SAVEPOINTING until Flink answers; after the configured timeout it
 * goes back to RUNNING with a clear, retryable error — a slow savepoint never marks it FAILED), or by cancelling.
 */
public final class JobStopper {

    private static final Logger LOG = LoggerFactory.getLogger(JobStopper.class);
    private static final EnumSet<JobState> CANCELLABLE = EnumSet.of(JobState.RUNNING, JobState.RESTARTING);

    private final ManagedJobRepository jobs;
    private final ClusterRegistry clusters;
    private final JobLifecycleSettings settings;

    public JobStopper(ManagedJobRepository jobs, ClusterRegistry clusters, JobLifecycleSettings settings) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Starts a stop with savepoint and returns at once with the job SAVEPOINTING; the returned future completes
     * with the job as stored when Flink has answered (STOPPED with the savepoint, or RUNNING with the reason).
     */
    public StopInProgress stopWithSavepoint(String jobId, String actor) {
        ManagedJob job = jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (job.state() != JobState.RUNNING || job.flinkJobId().isEmpty()) {
            throw new JobStateConflictException(job.name(), job.state(), "stop with a savepoint");
        }
        DeploymentTarget target = target(job);
        target.checkReachable();
        String flinkJobId = job.flinkJobId().get();
        ManagedJob savepointing = jobs.applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.SAVEPOINTING,
                actor, "stop with savepoint into " + settings.savepointDirectory()))
                .orElseThrow(() -> conflict(jobId, job, "stop with a savepoint"));
        CompletableFuture<ManagedJob> done = target.stopWithSavepoint(flinkJobId, settings.savepointDirectory())
                .orTimeout(settings.savepointTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((savepoint, failure) -> failure == null
                        ? stopped(job, savepoint, actor)
                        : notStopped(job, target, flinkJobId, failure, actor));
        return new StopInProgress(savepointing, done);
    }

    /** The job right after the stop began, and what it will be once Flink has answered. */
    public record StopInProgress(ManagedJob started, CompletableFuture<ManagedJob> finished) {}

    /** Cancels the job without a savepoint and waits until Flink confirms. */
    public ManagedJob cancel(String jobId, String actor) {
        ManagedJob job = jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (!CANCELLABLE.contains(job.state()) || job.flinkJobId().isEmpty()) {
            throw new JobStateConflictException(job.name(), job.state(), "cancel");
        }
        DeploymentTarget target = target(job);
        target.checkReachable();
        jobs.applyChange(job.id(), StateChange.of(job.state(), JobState.CANCELLING, actor, "cancel requested"))
                .orElseThrow(() -> conflict(jobId, job, "cancel"));
        try {
            target.cancel(job.flinkJobId().get(), settings.cancelTimeout());
        } catch (RuntimeException e) {
            jobs.applyChange(job.id(), StateChange.of(JobState.CANCELLING, JobState.RUNNING, actor,
                    "cancel failed").withError(FlinkErrorMessage.of(e).message()));
            throw e;
        }
        return jobs.applyChange(job.id(), StateChange.of(JobState.CANCELLING, JobState.CANCELED, actor,
                "canceled")).orElseGet(() -> jobs.find(jobId).orElseThrow());
    }

    private ManagedJob stopped(ManagedJob job, String savepoint, String actor) {
        LOG.info("Job '{}' stopped with savepoint {}", job.name(), savepoint);
        return jobs.applyChange(job.id(), StateChange.of(JobState.SAVEPOINTING, JobState.STOPPED, actor,
                "stopped with savepoint " + savepoint).withSavepoint(savepoint))
                .orElseGet(() -> jobs.find(job.id()).orElseThrow());
    }

    private ManagedJob notStopped(ManagedJob job, DeploymentTarget target, String flinkJobId, Throwable failure,
            String actor) {
        String reason = unwrap(failure) instanceof TimeoutException
                ? "stop with savepoint did not complete within " + settings.savepointTimeout()
                        + "; the job keeps running — retry the stop"
                : "stop with savepoint failed: " + FlinkErrorMessage.of(failure).message()
                        + "; the job keeps running — retry the stop";
        LOG.warn("Job '{}': {}", job.name(), reason);
        Optional<JobStatus> status;
        try {
            status = target.observe(flinkJobId).status();
        } catch (RuntimeException unreachable) {
            status = Optional.empty();
        }
        JobState next = status.map(JobStopper::stateAfterFailedStop).orElse(JobState.LOST);
        return jobs.applyChange(job.id(), StateChange.of(JobState.SAVEPOINTING, next, actor, reason)
                .withError(reason)).orElseGet(() -> jobs.find(job.id()).orElseThrow());
    }

    private static JobState stateAfterFailedStop(JobStatus status) {
        return switch (status) {
            case FAILED -> JobState.FAILED;
            case CANCELED, CANCELLING -> JobState.CANCELED;
            case FINISHED -> JobState.FINISHED;
            case RESTARTING, FAILING -> JobState.RESTARTING;
            default -> JobState.RUNNING;
        };
    }

    private DeploymentTarget target(ManagedJob job) {
        return clusters.target(job.clusterId()).orElseThrow(() -> new IllegalStateException(
                "job '" + job.name() + "' names cluster '" + job.clusterId() + "', which is not registered any more"));
    }

    private JobStateConflictException conflict(String jobId, ManagedJob seen, String operation) {
        return new JobStateConflictException(seen.name(),
                jobs.find(jobId).map(ManagedJob::state).orElse(seen.state()), operation);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
