package io.tributary.cluster;

import static io.tributary.job.schema.Tables.CLUSTER_HEALTH_EVENT;
import static java.util.Objects.requireNonNull;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import io.tributary.event.ClusterHealthChanged;
import io.tributary.event.WatchEvents;
import io.tributary.job.schema.tables.ClusterHealthEvent;
import io.tributary.job.schema.tables.records.ClusterHealthEventRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The recorded changes of cluster health. {@link #record} stores a change and hands it to the event listeners
 * inside the same transaction, then publishes it once committed: the database first, then the event.
 */
public final class ClusterHealthRepository {

    private final DSLContext database;
    private final WatchEvents events;

    public ClusterHealthRepository(DSLContext database, WatchEvents events) {
        this.database = requireNonNull(database, "database is null");
        this.events = requireNonNull(events, "events is null");
    }

    public void record(ClusterHealthChanged change) {
        requireNonNull(change, "change is null");
        database.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.insertInto(CLUSTER_HEALTH_EVENT)
                    .set(CLUSTER_HEALTH_EVENT.ID, UUID.randomUUID().toString())
                    .set(CLUSTER_HEALTH_EVENT.CLUSTER_ID, change.clusterId())
                    .set(CLUSTER_HEALTH_EVENT.CLUSTER_NAME, change.clusterName())
                    .set(CLUSTER_HEALTH_EVENT.CLUSTER_KIND, change.clusterKind())
                    .set(CLUSTER_HEALTH_EVENT.FROM_HEALTH, change.from().name())
                    .set(CLUSTER_HEALTH_EVENT.TO_HEALTH, change.to().name())
                    .set(CLUSTER_HEALTH_EVENT.REASON, truncate(change.reason()))
                    .set(CLUSTER_HEALTH_EVENT.ACTIVE_JOBS, change.activeJobs())
                    .set(CLUSTER_HEALTH_EVENT.AT_MILLIS, change.at().toEpochMilli())
                    .execute();
            events.inTransaction(change, transaction);
        });
        events.afterCommit(change);
    }

    /** The latest recorded change of every cluster that has one, by cluster id. */
    public Map<String, ClusterHealthChanged> latest() {
        ClusterHealthEvent event = CLUSTER_HEALTH_EVENT.as("e");
        ClusterHealthEvent later = CLUSTER_HEALTH_EVENT.as("l");
        Map<String, ClusterHealthChanged> latest = new HashMap<>();
        database.selectFrom(event)
                .where(event.AT_MILLIS.eq(select(max(later.AT_MILLIS)).from(later)
                        .where(later.CLUSTER_ID.eq(event.CLUSTER_ID))))
                .orderBy(event.ID)
                .forEach(row -> latest.put(row.getClusterId(), toChange(row)));
        return latest;
    }

    /** A cluster's recorded changes, newest first. */
    public List<ClusterHealthChanged> history(String clusterId, int limit) {
        return database.selectFrom(CLUSTER_HEALTH_EVENT)
                .where(CLUSTER_HEALTH_EVENT.CLUSTER_ID.eq(clusterId))
                .orderBy(CLUSTER_HEALTH_EVENT.AT_MILLIS.desc(), CLUSTER_HEALTH_EVENT.ID.desc())
                .limit(limit)
                .fetch(ClusterHealthRepository::toChange);
    }

    private static ClusterHealthChanged toChange(ClusterHealthEventRecord row) {
        return new ClusterHealthChanged(row.getClusterId(), row.getClusterName(), row.getClusterKind(),
                ClusterHealth.valueOf(row.getFromHealth()), ClusterHealth.valueOf(row.getToHealth()), row.getReason(),
                row.getActiveJobs(), Instant.ofEpochMilli(row.getAtMillis()));
    }

    private static String truncate(String reason) {
        return reason.length() <= 4000 ? reason : reason.substring(0, 3997) + "...";
    }
}
