package io.tributary.cluster;

import static io.tributary.job.schema.Tables.FLINK_CLUSTER;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.job.schema.tables.records.FlinkClusterRecord;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/** Stores registered clusters. */
public final class ClusterRepository {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final DSLContext database;
    private final ObjectMapper json = new ObjectMapper();

    public ClusterRepository(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Stores a new cluster; a taken name is a {@link ClusterNameTakenException}. */
    public void insert(ClusterDefinition cluster) {
        requireNonNull(cluster, "cluster is null");
        try {
            database.insertInto(FLINK_CLUSTER)
                    .set(FLINK_CLUSTER.ID, cluster.id())
                    .set(FLINK_CLUSTER.NAME, cluster.name())
                    .set(FLINK_CLUSTER.KIND, cluster.kind().name())
                    .set(FLINK_CLUSTER.REST_ADDRESS, cluster.restAddress().map(URI::toString).orElse(null))
                    .set(FLINK_CLUSTER.SETTINGS_JSON, json.writeValueAsString(cluster.settings()))
                    .set(FLINK_CLUSTER.CREATED_BY, cluster.createdBy())
                    .set(FLINK_CLUSTER.CREATED_AT, cluster.createdAt().toEpochMilli())
                    .set(FLINK_CLUSTER.UPDATED_AT, cluster.createdAt().toEpochMilli())
                    .execute();
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw new ClusterNameTakenException(cluster.name(), e);
            }
            throw e;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Stores a cluster's new name and location; returns false when no such cluster exists. A taken name is a
     * {@link ClusterNameTakenException}.
     */
    public boolean update(ClusterDefinition cluster, Instant at) {
        requireNonNull(cluster, "cluster is null");
        try {
            return database.update(FLINK_CLUSTER)
                    .set(FLINK_CLUSTER.NAME, cluster.name())
                    .set(FLINK_CLUSTER.REST_ADDRESS, cluster.restAddress().map(URI::toString).orElse(null))
                    .set(FLINK_CLUSTER.SETTINGS_JSON, json.writeValueAsString(cluster.settings()))
                    .set(FLINK_CLUSTER.UPDATED_AT, at.toEpochMilli())
                    .where(FLINK_CLUSTER.ID.eq(cluster.id()))
                    .execute() == 1;
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw new ClusterNameTakenException(cluster.name(), e);
            }
            throw e;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Optional<ClusterDefinition> find(String id) {
        return database.selectFrom(FLINK_CLUSTER).where(FLINK_CLUSTER.ID.eq(id)).fetchOptional().map(this::toCluster);
    }

    public List<ClusterDefinition> list() {
        return database.selectFrom(FLINK_CLUSTER).orderBy(FLINK_CLUSTER.NAME).fetch(this::toCluster);
    }

    public boolean delete(String id) {
        return database.deleteFrom(FLINK_CLUSTER).where(FLINK_CLUSTER.ID.eq(id)).execute() == 1;
    }

    private ClusterDefinition toCluster(FlinkClusterRecord row) {
        try {
            return new ClusterDefinition(row.getId(), row.getName(), ClusterKind.valueOf(row.getKind()),
                    Optional.ofNullable(row.getRestAddress()).map(URI::create),
                    json.readValue(row.getSettingsJson(), MAP), row.getCreatedBy(),
                    Instant.ofEpochMilli(row.getCreatedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt cluster settings in the metadata database", e);
        }
    }
}
