package io.tributary.alert;

import static io.tributary.job.schema.Tables.JOB_TRANSITION;
import static java.util.Objects.requireNonNull;

import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import io.tributary.job.StateChange;
import io.tributary.job.StateChangeListener;
import java.util.EnumSet;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The events a job's state changes raise, handed to the pipeline inside the transaction of the change
 * (registered with {@link io.tributary.job.ManagedJobRepository}):
 * <ul>
 *   <li>to FAILED: {@link AlertEventType#JOB_FAILED};</li>
 *   <li>to LOST: {@link AlertEventType#JOB_LOST};</li>
 *   <li>to RESTARTING, or an automatic redeploy after a failure: {@link AlertEventType#JOB_RESTARTING_TOO_OFTEN}
 *       (the pipeline counts the restarts in each rule's window);</li>
 *   <li>out of SAVEPOINTING with an error (the stop did not complete): {@link AlertEventType#SAVEPOINT_FAILED};</li>
 *   <li>to RUNNING from RESTARTING or LOST, or from a deployment that started from FAILED or LOST:
 *       {@link AlertEventType#JOB_RUNNING_AGAIN}.</li>
 * </ul>
 */
public final class JobStateAlerts implements StateChangeListener {

    private static final EnumSet<JobState> BROKEN = EnumSet.of(JobState.FAILED, JobState.LOST);

    private final AlertPipeline pipeline;
    /** Whether the change being stored by this thread raised an alert (one change per transaction). */
    private final ThreadLocal<Boolean> raised = ThreadLocal.withInitial(() -> false);

    public JobStateAlerts(AlertPipeline pipeline) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
    }

    @Override
    public void onStateChange(DSLContext transaction, ManagedJob job, StateChange change) {
        raised.set(false);
        JobState previous = change.expected();
        JobState next = change.next();
        String reason = change.error().orElse(change.reason());
        if (previous == JobState.SAVEPOINTING && next != JobState.STOPPED && change.error().isPresent()) {
            raise(transaction, job, AlertEventType.SAVEPOINT_FAILED, reason);
        }
        switch (next) {
            case FAILED -> raise(transaction, job, AlertEventType.JOB_FAILED, reason);
            case LOST -> raise(transaction, job, AlertEventType.JOB_LOST, reason);
            case RESTARTING -> raise(transaction, job, AlertEventType.JOB_RESTARTING_TOO_OFTEN, reason);
            case DEPLOYING -> {
                if (change.countsAsAutoRestart()) {
                    raise(transaction, job, AlertEventType.JOB_RESTARTING_TOO_OFTEN,
                            "automatic restart after a failure: " + job.lastError().orElse(change.reason()));
                }
            }
            case RUNNING -> {
                if (previous == JobState.RESTARTING || previous == JobState.LOST
                        || (previous == JobState.DEPLOYING && deployedAfterFailure(transaction, job.id()))) {
                    raise(transaction, job, AlertEventType.JOB_RUNNING_AGAIN, change.reason());
                }
            }
            default -> {
            }
        }
    }

    /** Once the alert is committed, the dispatchers of this instance look at the outbox at once. */
    @Override
    public void afterCommit(ManagedJob job, StateChange change) {
        if (raised.get()) {
            raised.set(false);
            pipeline.committed();
        }
    }

    private void raise(DSLContext transaction, ManagedJob job, AlertEventType type, String reason) {
        if (pipeline.accept(transaction, AlertEvent.ofJob(type, job.id(), job.name(), job.clusterId(),
                job.flinkJobId(), reason, job.stateChangedAt())).isPresent()) {
            raised.set(true);
        }
    }

    /** Whether the deployment that just reached RUNNING started from FAILED or LOST. */
    private static boolean deployedAfterFailure(DSLContext transaction, String jobId) {
        Optional<String> from = transaction.select(JOB_TRANSITION.FROM_STATE).from(JOB_TRANSITION)
                .where(JOB_TRANSITION.JOB_ID.eq(jobId)).and(JOB_TRANSITION.TO_STATE.eq(JobState.DEPLOYING.name()))
                .orderBy(JOB_TRANSITION.AT_MILLIS.desc(), JOB_TRANSITION.ID.desc())
                .limit(1)
                .fetchOptional(JOB_TRANSITION.FROM_STATE);
        return from.map(JobState::valueOf).filter(BROKEN::contains).isPresent();
    }
}
