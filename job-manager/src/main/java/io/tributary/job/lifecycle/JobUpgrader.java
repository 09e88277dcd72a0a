package io.tributary.job.lifecycle;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobState;
import io.tributary.job.JobVersion;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.deploy.RestorePoint;
import io.tributary.job.promote.JobPromoter;
import io.tributary.job.promote.PromoteRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades a job to a new version carrying its state: the new version is validated and stored first; a running
 * job is then stopped with a savepoint and the new version deployed from it. A stopped job is deployed from its
 * latest savepoint, if it has one.
 */
public final class JobUpgrader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobUpgrader.class);

    private final ManagedJobRepository jobs;
    private final JobPromoter promoter;
    private final JobStopper stopper;
    private final JobDeployer deployer;
    private final ExecutorService redeploys;

    /**
     * {@code redeploys} runs the deploy that follows the stop of a running job: not on the thread that completed
     * the stop, which belongs to the stopped cluster's client (for a per-job or application cluster, one that is
     * being closed). Shut down by {@link #close}.
     */
    public JobUpgrader(ManagedJobRepository jobs, JobPromoter promoter, JobStopper stopper, JobDeployer deployer,
            ExecutorService redeploys) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.promoter = requireNonNull(promoter, "promoter is null");
        this.stopper = requireNonNull(stopper, "stopper is null");
        this.deployer = requireNonNull(deployer, "deployer is null");
        this.redeploys = requireNonNull(redeploys, "redeploys is null");
    }

    /** The new version, and the job as it will be once the upgrade has run (RUNNING on the new version). */
    public record Upgrade(JobVersion version, CompletableFuture<ManagedJob> finished) {}

    public Upgrade upgrade(String jobId, PromoteRequest request, boolean deploy) {
        ManagedJob job = jobs.find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (job.state().active() && job.state() != JobState.RUNNING) {
            throw new JobStateConflictException(job.name(), job.state(), "upgrade");
        }
        JobVersion version = promoter.newVersion(job, request);
        if (!deploy) {
            return new Upgrade(version, CompletableFuture.completedFuture(jobs.find(jobId).orElseThrow()));
        }
        String actor = request.actor();
        if (job.state() == JobState.RUNNING) {
            CompletableFuture<ManagedJob> redeployed = stopper.stopWithSavepoint(jobId, actor).finished()
                    .thenApplyAsync(stopped -> stopped.state() == JobState.STOPPED
                            ? deployer.deploy(jobId, RestorePoint.latestSavepoint(), actor)
                            : stopped, redeploys);
            redeployed.whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warn("Upgrade of job '{}' to version {}: the new version was not deployed: {}", job.name(),
                            version.version(), failure.toString());
                }
            });
            return new Upgrade(version, redeployed);
        }
        RestorePoint from = job.lastSavepoint().isPresent() ? RestorePoint.latestSavepoint() : RestorePoint.empty();
        return new Upgrade(version, CompletableFuture.completedFuture(deployer.deploy(jobId, from, actor)));
    }

    @Override
    public void close() {
        redeploys.shutdownNow();
    }
}
