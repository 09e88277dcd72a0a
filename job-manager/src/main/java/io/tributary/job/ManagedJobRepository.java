package io.tributary.job;

import static io.tributary.job.schema.Tables.JOB_TRANSITION;
import static io.tributary.job.schema.Tables.JOB_VERSION;
import static io.tributary.job.schema.Tables.MANAGED_JOB;
import static java.util.Objects.requireNonNull;

import io.tributary.event.JobStateChanged;
import io.tributary.event.WatchEvents;
import io.tributary.job.schema.tables.records.ManagedJobRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Stores managed jobs. A job's state changes only through {@link #applyChange}: a conditional update on the
 * state the caller saw, and the transition recorded in the same transaction; then a {@link JobStateChanged} event
 * goes to the {@link WatchEvents} listeners (inside that transaction, then after it committed).
 */
public final class ManagedJobRepository {

    private final DSLContext database;
    private final JobVersionRepository versions;
    private final Clock clock;
    private final WatchEvents events;
    private final StateChangeListener listener;

    public ManagedJobRepository(DSLContext database, JobVersionRepository versions, Clock clock) {
        this(database, versions, clock, new WatchEvents(), StateChangeListener.NONE);
    }

    public ManagedJobRepository(DSLContext database, JobVersionRepository versions, Clock clock, WatchEvents events) {
        this(database, versions, clock, events, StateChangeListener.NONE);
    }

    /**
     * With the event bus (job events, published once committed) and a listener that runs inside the transaction of
     * every state change (alerts written into the outbox with the change).
     */
    public ManagedJobRepository(DSLContext database, JobVersionRepository versions, Clock clock, WatchEvents events,
            StateChangeListener listener) {
        this.database = requireNonNull(database, "database is null");
        this.versions = requireNonNull(versions, "versions is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.events = requireNonNull(events, "events is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** Stores a new job with its first version, both or neither. */
    public void create(ManagedJob job, JobVersion first) {
        requireNonNull(job, "job is null");
        requireNonNull(first, "first is null");
        try {
            database.transaction(configuration -> {
                DSLContext transaction = configuration.dsl();
                transaction.insertInto(MANAGED_JOB)
                        .set(MANAGED_JOB.ID, job.id())
                        .set(MANAGED_JOB.NAME, job.name())
                        .set(MANAGED_JOB.CLUSTER_ID, job.clusterId())
                        .set(MANAGED_JOB.STATE, job.state().name())
                        .set(MANAGED_JOB.CURRENT_VERSION, job.currentVersion())
                        .set(MANAGED_JOB.FLINK_JOB_ID, job.flinkJobId().orElse(null))
                        .set(MANAGED_JOB.LAST_SAVEPOINT, job.lastSavepoint().orElse(null))
                        .set(MANAGED_JOB.AUTO_RESTART, job.autoRestart().enabled())
                        .set(MANAGED_JOB.MAX_AUTO_RESTARTS, job.autoRestart().maxRestarts())
                        .set(MANAGED_JOB.AUTO_RESTARTS, job.autoRestarts())
                        .set(MANAGED_JOB.LAST_ERROR, job.lastError().orElse(null))
                        .set(MANAGED_JOB.CREATED_BY, job.createdBy())
                        .set(MANAGED_JOB.CREATED_AT, job.createdAt().toEpochMilli())
                        .set(MANAGED_JOB.STATE_CHANGED_AT, job.stateChangedAt().toEpochMilli())
                        .execute();
                versions.insert(transaction, first);
            });
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw new JobNameTakenException(job.name(), e);
            }
            throw e;
        }
    }

    public Optional<ManagedJob> find(String id) {
        requireNonNull(id, "id is null");
        return database.selectFrom(MANAGED_JOB).where(MANAGED_JOB.ID.eq(id)).fetchOptional()
                .map(ManagedJobRepository::toJob);
    }

    public List<ManagedJob> list() {
        return database.selectFrom(MANAGED_JOB).orderBy(MANAGED_JOB.NAME).fetch(ManagedJobRepository::toJob);
    }

    public List<ManagedJob> inStates(Collection<JobState> states) {
        return database.selectFrom(MANAGED_JOB)
                .where(MANAGED_JOB.STATE.in(states.stream().map(Enum::name).toList()))
                .orderBy(MANAGED_JOB.NAME)
                .fetch(ManagedJobRepository::toJob);
    }

    /** Every job on one cluster, whatever its state. */
    public List<ManagedJob> onCluster(String clusterId) {
        return database.selectFrom(MANAGED_JOB).where(MANAGED_JOB.CLUSTER_ID.eq(clusterId))
                .fetch(ManagedJobRepository::toJob);
    }

    /**
     * Applies the change if the job is still in {@code change.expected()}; returns the job as it is now stored,
     * or empty when the job was not in that state any more (someone else changed it first). The listener runs in
     * the same transaction, after the transition is recorded; the change is published as a {@link JobStateChanged}
     * event once it is committed.
     */
    public Optional<ManagedJob> applyChange(String jobId, StateChange change) {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(change, "change is null");
        Instant now = clock.instant();
        Optional<JobStateChanged> stored = database.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            var update = transaction.update(MANAGED_JOB)
                    .set(MANAGED_JOB.STATE, change.next().name())
                    .set(MANAGED_JOB.STATE_CHANGED_AT, now.toEpochMilli());
            if (change.flinkJobId().isPresent()) {
                update = update.set(MANAGED_JOB.FLINK_JOB_ID, change.flinkJobId().get());
            }
            if (change.savepoint().isPresent()) {
                update = update.set(MANAGED_JOB.LAST_SAVEPOINT, change.savepoint().get());
            }
            if (change.error().isPresent()) {
                update = update.set(MANAGED_JOB.LAST_ERROR, change.error().get());
            } else if (change.next() == JobState.RUNNING) {
                update = update.set(MANAGED_JOB.LAST_ERROR, (String) null);
            }
            if (change.countsAsAutoRestart()) {
                update = update.set(MANAGED_JOB.AUTO_RESTARTS, MANAGED_JOB.AUTO_RESTARTS.plus(1));
            }
            int updated = update.where(MANAGED_JOB.ID.eq(jobId))
                    .and(MANAGED_JOB.STATE.eq(change.expected().name()))
                    .execute();
            if (updated != 1) {
                return Optional.<JobStateChanged>empty();
            }
            ManagedJobRecord row = transaction.selectFrom(MANAGED_JOB).where(MANAGED_JOB.ID.eq(jobId)).fetchOne();
            transaction.insertInto(JOB_TRANSITION)
                    .set(JOB_TRANSITION.ID, UUID.randomUUID().toString())
                    .set(JOB_TRANSITION.JOB_ID, jobId)
                    .set(JOB_TRANSITION.FROM_STATE, change.expected().name())
                    .set(JOB_TRANSITION.TO_STATE, change.next().name())
                    .set(JOB_TRANSITION.ACTOR, change.actor())
                    .set(JOB_TRANSITION.REASON, truncate(change.reason()))
                    .set(JOB_TRANSITION.FLINK_JOB_ID, row.getFlinkJobId())
                    .set(JOB_TRANSITION.AT_MILLIS, now.toEpochMilli())
                    .execute();
            ManagedJob job = toJob(row);
            listener.onStateChange(transaction, job, change);
            JobStateChanged event = new JobStateChanged(job, change.expected(), change.next(), change.actor(),
                    change.reason(), Instant.ofEpochMilli(now.toEpochMilli()));
            events.inTransaction(event, transaction);
            return Optional.of(event);
        });
        stored.ifPresent(event -> {
            listener.afterCommit(event.job(), change);
            events.afterCommit(event);
        });
        return stored.map(JobStateChanged::job);
    }

    /** Makes {@code version} the job's current version, if the current one is still {@code expectedCurrent}. */
    public boolean advanceVersion(JobVersion version, int expectedCurrent) {
        requireNonNull(version, "version is null");
        return database.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            int updated = transaction.update(MANAGED_JOB)
                    .set(MANAGED_JOB.CURRENT_VERSION, version.version())
                    .where(MANAGED_JOB.ID.eq(version.jobId()))
                    .and(MANAGED_JOB.CURRENT_VERSION.eq(expectedCurrent))
                    .execute();
            if (updated != 1) {
                return false;
            }
            versions.insert(transaction, version);
            return true;
        });
    }

    public List<JobTransition> transitions(String jobId) {
        return database.selectFrom(JOB_TRANSITION)
                .where(JOB_TRANSITION.JOB_ID.eq(jobId))
                .orderBy(JOB_TRANSITION.AT_MILLIS, JOB_TRANSITION.ID)
                .fetch(row -> new JobTransition(row.getJobId(), JobState.valueOf(row.getFromState()),
                        JobState.valueOf(row.getToState()), row.getActor(), row.getReason(),
                        Optional.ofNullable(row.getFlinkJobId()), Instant.ofEpochMilli(row.getAtMillis())));
    }

    /** Removes a job that is not active, with its versions and transitions. */
    public boolean delete(String jobId) {
        return database.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.deleteFrom(JOB_TRANSITION).where(JOB_TRANSITION.JOB_ID.eq(jobId)).execute();
            transaction.deleteFrom(JOB_VERSION).where(JOB_VERSION.JOB_ID.eq(jobId)).execute();
            return transaction.deleteFrom(MANAGED_JOB).where(MANAGED_JOB.ID.eq(jobId)).execute() == 1;
        });
    }

    private static String truncate(String reason) {
        return reason.length() <= 4000 ? reason : reason.substring(0, 3997) + "...";
    }

    private static ManagedJob toJob(ManagedJobRecord row) {
        return new ManagedJob(
                row.getId(),
                row.getName(),
                row.getClusterId(),
                JobState.valueOf(row.getState()),
                row.getCurrentVersion(),
                Optional.ofNullable(row.getFlinkJobId()),
                Optional.ofNullable(row.getLastSavepoint()),
                new ManagedJob.AutoRestart(row.getAutoRestart(), row.getMaxAutoRestarts()),
                row.getAutoRestarts(),
                Optional.ofNullable(row.getLastError()),
                row.getCreatedBy(),
                Instant.ofEpochMilli(row.getCreatedAt()),
                Instant.ofEpochMilli(row.getStateChangedAt()));
    }
}
