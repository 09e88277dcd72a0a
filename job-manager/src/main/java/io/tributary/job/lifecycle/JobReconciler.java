package io.tributary.job.lifecycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.cluster.ClusterRegistry;
import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.ObservedJob;
import io.tributary.job.deploy.RestorePoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a managed job's stored state in line with what its cluster reports — at start-up (re-attach: every job
 * that was running is found again by its Flink job id, none restarted by mistake) and whenever a watcher polls.
 * A failed job with automatic restart enabled is redeployed from its latest retained checkpoint or savepoint,
 * up to its limit.
 */
public final class JobReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(JobReconciler.class);
    private static final String ACTOR = "tributary";
    /** States a poll corrects; an operation in flight (deploying, savepointing, cancelling) is its own owner. */
    private static final EnumSet<JobState> WATCHED = EnumSet.of(JobState.RUNNING, JobState.RESTARTING, JobState.LOST);
    /** At start-up, operations in flight were interrupted by the restart: their jobs are corrected too. */
    private static final EnumSet<JobState> REATTACHED = EnumSet.of(JobState.RUNNING, JobState.RESTARTING,
            JobState.LOST, JobState.DEPLOYING, JobState.SAVEPOINTING, JobState.CANCELLING);

    private final ManagedJobRepository jobs;
    private final ClusterRegistry clusters;
    private final JobDeployer deployer;

    public JobReconciler(ManagedJobRepository jobs, ClusterRegistry clusters, JobDeployer deployer) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.deployer = requireNonNull(deployer, "deployer is null");
    }

    /** Re-attaches every job that was active when the server stopped; returns the jobs whose state changed. */
    public List<ManagedJob> reattachAll() {
        List<ManagedJob> changed = jobs.inStates(REATTACHED).stream()
                .map(job -> reconcile(job, true))
                .flatMap(Optional::stream)
                .toList();
        LOG.info("Re-attached managed jobs: {} checked, {} corrected", jobs.inStates(REATTACHED).size(),
                changed.size());
        return changed;
    }

    /** Corrects one job from what its cluster says now; empty when nothing changed. */
    public Optional<ManagedJob> reconcile(ManagedJob job) {
        return WATCHED.contains(job.state()) ? reconcile(job, false) : Optional.empty();
    }

    /** Corrects one job from a status the caller already observed (e.g. from one overview of its cluster). */
    public Optional<ManagedJob> reconcile(ManagedJob job, ObservedJob observed) {
        if (!WATCHED.contains(job.state())) {
            return Optional.empty();
        }
        Optional<DeploymentTarget> target = clusters.target(job.clusterId());
        return target.flatMap(t -> apply(job, t, observed, false));
    }

    /** The cluster of these jobs does not answer: they are LOST until it does. */
    public Optional<ManagedJob> markLost(ManagedJob job, String reason) {
        if (!WATCHED.contains(job.state()) || job.state() == JobState.LOST) {
            return Optional.empty();
        }
        return jobs.applyChange(job.id(), StateChange.of(job.state(), JobState.LOST, ACTOR, reason).withError(reason));
    }

    private Optional<ManagedJob> reconcile(ManagedJob job, boolean startup) {
        if (job.flinkJobId().isEmpty()) {
            return Optional.empty();
        }
        Optional<DeploymentTarget> target = clusters.target(job.clusterId());
        if (target.isEmpty()) {
            return markLost(job, "its cluster '" + job.clusterId() + "' is not registered any more");
        }
        ObservedJob observed;
        try {
            observed = target.get().observe(job.flinkJobId().get());
        } catch (ClusterUnavailableException e) {
            if (job.state() == JobState.LOST) {
                return Optional.empty();
            }
            return jobs.applyChange(job.id(), StateChange.of(job.state(), JobState.LOST, ACTOR, e.getMessage())
                    .withError(e.getMessage()));
        }
        return apply(job, target.get(), observed, startup);
    }

    private Optional<ManagedJob> apply(ManagedJob job, DeploymentTarget target, ObservedJob observed,
            boolean startup) {
        if (observed.status().isEmpty()) {
            String reason = job.state() == JobState.DEPLOYING
                    ? "the deployment was interrupted by a server restart before the job reached the cluster;"
                            + " deploy it again"
                    : "cluster " + target.clusterId() + " does not know Flink job " + observed.flinkJobId();
            JobState next = job.state() == JobState.DEPLOYING ? JobState.FAILED : JobState.LOST;
            if (job.state() == next) {
                return Optional.empty();
            }
            return jobs.applyChange(job.id(), StateChange.of(job.state(), next, ACTOR, reason).withError(reason));
        }
        JobStatus status = observed.status().get();
        JobState next = stateOf(status, job.state());
        if (next == job.state() || !job.state().canTransitionTo(next)) {
            return Optional.empty();
        }
        String reason = (startup ? "re-attached after a server restart: " : "") + "Flink reports " + status;
        StateChange change = StateChange.of(job.state(), next, ACTOR, reason);
        if (next == JobState.FAILED) {
            change = change.withError(rootCause(target, observed.flinkJobId()));
        }
        if (next == JobState.STOPPED) {
            Optional<String> savepoint = latestSavepoint(target, observed.flinkJobId());
            change = savepoint.map(change::withSavepoint).orElse(change);
        }
        Optional<ManagedJob> changed = jobs.applyChange(job.id(), change);
        changed.filter(updated -> updated.state() == JobState.FAILED).ifPresent(this::restartIfWanted);
        return changed.map(updated -> jobs.find(updated.id()).orElse(updated));
    }

    private static JobState stateOf(JobStatus status, JobState current) {
        return switch (status) {
            case INITIALIZING, CREATED, RUNNING, RECONCILING -> JobState.RUNNING;
            case RESTARTING, FAILING -> JobState.RESTARTING;
            case FAILED -> JobState.FAILED;
            case CANCELLING -> current == JobState.CANCELLING ? JobState.CANCELLING : JobState.RUNNING;
            case CANCELED -> JobState.CANCELED;
            // A stop with savepoint ends the Flink job as FINISHED: if one was under way, the job is STOPPED.
            case FINISHED -> current == JobState.SAVEPOINTING ? JobState.STOPPED : JobState.FINISHED;
            case SUSPENDED -> JobState.LOST;
        };
    }

    private void restartIfWanted(ManagedJob failed) {
        if (!failed.autoRestart().enabled()) {
            return;
        }
        if (failed.autoRestarts() >= failed.autoRestart().maxRestarts()) {
            LOG.warn("Job '{}' failed and reached its limit of {} automatic restarts; leaving it FAILED",
                    failed.name(), failed.autoRestart().maxRestarts());
            return;
        }
        Optional<DeploymentTarget> target = clusters.target(failed.clusterId());
        Optional<String> checkpoint = target.flatMap(t -> failed.flinkJobId().flatMap(id -> {
            try {
                return t.latestRetainedCheckpoint(id);
            } catch (RuntimeException unavailable) {
                return Optional.empty();
            }
        }));
        RestorePoint from = checkpoint.map(RestorePoint::savepoint)
                .or(() -> failed.lastSavepoint().map(RestorePoint::savepoint))
                .orElseGet(RestorePoint::empty);
        try {
            deployer.deploy(failed.id(), from, ACTOR + " (automatic restart)", true);
        } catch (RuntimeException e) {
            LOG.warn("Automatic restart of job '{}' failed: {}", failed.name(), e.getMessage());
        }
    }

    private static String rootCause(DeploymentTarget target, String flinkJobId) {
        try {
            JsonNode exceptions = target.diagnostics(flinkJobId).exceptions(flinkJobId);
            String root = exceptions.path("root-exception").asText("");
            if (root.isBlank()) {
                root = exceptions.path("exceptionHistory").path("entries").path(0).path("exceptionName").asText("");
            }
            return root.isBlank() ? "the job failed (Flink gave no exception)" : mostSpecific(root);
        } catch (RuntimeException e) {
            return "the job failed (its exceptions could not be read: " + e.getMessage() + ")";
        }
    }

    /**
     * The innermost "Caused by:" of a stack trace — what actually went wrong (a NumberFormatException, a refused
     * connection) — followed by its first line (Flink's "Recovery is suppressed by ..."), on one line.
     */
    static String mostSpecific(String trace) {
        String first = trace.lines().findFirst().orElse(trace).strip();
        Optional<String> innermost = trace.lines().map(String::strip)
                .filter(line -> line.startsWith("Caused by: "))
                .reduce((outer, inner) -> inner)
                .map(line -> line.substring("Caused by: ".length()));
        return innermost.filter(cause -> !cause.equals(first)).map(cause -> cause + " (" + first + ")").orElse(first);
    }

    private static Optional<String> latestSavepoint(DeploymentTarget target, String flinkJobId) {
        try {
            String path = target.diagnostics(flinkJobId).checkpoints(flinkJobId).path("latest").path("savepoint")
                    .path("external_path").asText("");
            return path.isBlank() ? Optional.empty() : Optional.of(path);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
