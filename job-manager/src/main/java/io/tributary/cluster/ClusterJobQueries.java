package io.tributary.cluster;

import static io.tributary.job.schema.Tables.JOB_TRANSITION;
import static io.tributary.job.schema.Tables.MANAGED_JOB;
import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterJob.ManagedJobRef;
import io.tributary.job.JobState;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/** The watcher's read-only questions about managed jobs, each answered by one query for all clusters. */
public final class ClusterJobQueries {

    /** A cluster with a job in one of these states is polled faster: an operation is under way there. */
    static final EnumSet<JobState> IN_FLIGHT = EnumSet.of(JobState.DEPLOYING, JobState.SAVEPOINTING,
            JobState.CANCELLING);
    private static final int MAX_IDS_PER_QUERY = 500;

    private final DSLContext database;

    public ClusterJobQueries(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** The clusters on which a managed job is DEPLOYING, SAVEPOINTING or CANCELLING. */
    public Set<String> clustersWithOperationsInFlight() {
        return new HashSet<>(database.selectDistinct(MANAGED_JOB.CLUSTER_ID)
                .from(MANAGED_JOB)
                .where(MANAGED_JOB.STATE.in(IN_FLIGHT.stream().map(Enum::name).toList()))
                .fetch(MANAGED_JOB.CLUSTER_ID));
    }

    /**
     * The managed job each of these Flink job ids was submitted for, by any of its deployments (every transition
     * records the Flink job id); an id Tributary never submitted has no entry.
     */
    public Map<String, ManagedJobRef> ownersOf(Collection<String> flinkJobIds) {
        Map<String, ManagedJobRef> owners = new HashMap<>();
        List<String> ids = List.copyOf(flinkJobIds);
        for (int from = 0; from < ids.size(); from += MAX_IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_QUERY));
            database.selectDistinct(JOB_TRANSITION.FLINK_JOB_ID, MANAGED_JOB.ID, MANAGED_JOB.NAME)
                    .from(JOB_TRANSITION)
                    .join(MANAGED_JOB).on(MANAGED_JOB.ID.eq(JOB_TRANSITION.JOB_ID))
                    .where(JOB_TRANSITION.FLINK_JOB_ID.in(chunk))
                    .forEach(row -> owners.put(row.value1(), new ManagedJobRef(row.value2(), row.value3())));
        }
        return owners;
    }
}
