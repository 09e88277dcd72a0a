package io.tributary.job.lifecycle;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterRegistry;
import io.tributary.job.JobState;
import io.tributary.job.JobVersion;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.RestorePoint;
import io.tributary.job.sql.PhaseTimer;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys a managed job's current version to its cluster. The Flink job id is chosen and stored before the
 * submission, so a server that dies during a deploy finds the job again by that id after its restart: no job is
 * orphaned, none submitted twice.
 */
public final class JobDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(JobDeployer.class);

    private final ManagedJobRepository jobs;
    private final JobVersionRepository versions;
    private final ClusterRegistry clusters;

    public JobDeployer(ManagedJobRepository jobs, JobVersionRepository versions, ClusterRegistry clusters) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.versions = requireNonNull(versions, "versions is null");
        this.clusters = requireNonNull(clusters, "clusters is null");
    }

    /** Deploys (or restarts) the job from the given restore point; returns the job as stored afterwards. */
    public ManagedJob deploy(String jobId, RestorePoint restorePoint, String actor) {
        return deploy(jobId, restorePoint, actor, false);
    }

    ManagedJob deploy(String jobId, RestorePoint restorePoint, String actor, boolean automatic) {
        PhaseTimer timer = new PhaseTimer("deploy of job " + jobId);
        ManagedJob job = jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        timer.phase("find");
        if (!job.state().deployable()) {
            throw new JobStateConflictException(job.name(), job.state(), "deploy");
        }
        DeploymentTarget target = clusters.target(job.clusterId()).orElseThrow(
                () -> new IllegalStateException("job '" + job.name() + "' names cluster '" + job.clusterId()
                        + "', which is not registered any more"));
        timer.phase("target");
        target.checkReachable();
        timer.phase("reachable");
        Optional<String> restoreFrom = resolve(job, restorePoint, target);
        JobVersion version = versions.find(job.id(), job.currentVersion()).orElseThrow(
                () -> new IllegalStateException("job '" + job.name() + "' has no version " + job.currentVersion()));
        timer.phase("version");
        String flinkJobId = new JobID().toHexString();
        String reason = (automatic ? "automatic restart" : "deploy") + " of version " + version.version()
                + restoreFrom.map(path -> " from " + path).orElse(" with empty state");
        StateChange toDeploying = StateChange.of(job.state(), JobState.DEPLOYING, actor, reason)
                .withFlinkJobId(flinkJobId);
        ManagedJob deploying = jobs.applyChange(job.id(), automatic ? toDeploying.asAutoRestart() : toDeploying)
                .orElseThrow(() -> new JobStateConflictException(job.name(),
                        jobs.find(jobId).map(ManagedJob::state).orElse(job.state()), "deploy"));
        timer.phase("deploying");
        try {
            String submitted = target.submit(version, job.name(), flinkJobId, restoreFrom);
            timer.phase("submit");
            LOG.info("Job '{}' version {} submitted to {} as Flink job {}", job.name(), version.version(),
                    target.clusterId(), submitted);
            ManagedJob running = jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.RUNNING,
                    actor, "submitted to " + target.clusterId())).orElse(deploying);
            timer.phase("running");
            LOG.debug("{}", timer);
            return running;
        } catch (DeploymentException e) {
            jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.FAILED, actor,
                    "submission failed").withError(e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.FAILED, actor,
                    "submission failed").withError(String.valueOf(e.getMessage())));
            throw e;
        }
    }

    private static Optional<String> resolve(ManagedJob job, RestorePoint restorePoint, DeploymentTarget target) {
        return switch (restorePoint.kind()) {
            case EMPTY -> Optional.empty();
            case SAVEPOINT -> restorePoint.path();
            case LATEST_SAVEPOINT -> Optional.of(job.lastSavepoint().orElseThrow(
                    () -> new RestorePointUnavailableException("job '" + job.name()
                            + "' has no savepoint yet; stop it with a savepoint first, or restart from empty state")));
            case LATEST_CHECKPOINT -> Optional.of(job.flinkJobId()
                    .flatMap(target::latestRetainedCheckpoint)
                    .orElseThrow(() -> new RestorePointUnavailableException("job '" + job.name()
                            + "' has no retained checkpoint on cluster " + target.clusterId()
                            + " (enable checkpointing with execution.checkpointing.interval and"
                            + " execution.checkpointing.externalized-checkpoint-retention=RETAIN_ON_CANCELLATION)")));
        };
    }
}
