package io.tributary.instance;

import static io.tributary.metadata.schema.Tables.SERVER_INSTANCE;
import static java.util.Objects.requireNonNull;

import io.tributary.metadata.schema.tables.records.ServerInstanceRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Stores {@link ServerInstance}s in the metadata database. */
public final class ServerInstanceRepository {

    private final DSLContext database;

    public ServerInstanceRepository(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    public void insert(ServerInstance instance) {
        requireNonNull(instance, "instance is null");
        database.insertInto(SERVER_INSTANCE)
                .set(SERVER_INSTANCE.ID, instance.id())
                .set(SERVER_INSTANCE.HOST, instance.host())
                .set(SERVER_INSTANCE.VERSION, instance.version())
                .set(SERVER_INSTANCE.MANAGEMENT_PORT, instance.managementPort())
                .set(SERVER_INSTANCE.GATEWAY_PORT, instance.gatewayPort())
                .set(SERVER_INSTANCE.FLINK_REST_URL, instance.flinkRestUrl())
                .set(SERVER_INSTANCE.STARTED_AT, instance.startedAt().toEpochMilli())
                .set(SERVER_INSTANCE.STOPPED_AT, instance.stoppedAt().map(Instant::toEpochMilli).orElse(null))
                .execute();
    }

    /** Closes a running instance; false when it was unknown or already stopped. */
    public boolean markStopped(String id, Instant stoppedAt) {
        requireNonNull(id, "id is null");
        requireNonNull(stoppedAt, "stoppedAt is null");
        return database.update(SERVER_INSTANCE)
                .set(SERVER_INSTANCE.STOPPED_AT, stoppedAt.toEpochMilli())
                .where(SERVER_INSTANCE.ID.eq(id))
                .and(SERVER_INSTANCE.STOPPED_AT.isNull())
                .execute() == 1;
    }

    public Optional<ServerInstance> find(String id) {
        requireNonNull(id, "id is null");
        return database.selectFrom(SERVER_INSTANCE)
                .where(SERVER_INSTANCE.ID.eq(id))
                .fetchOptional()
                .map(ServerInstanceRepository::toInstance);
    }

    /** The most recent starts first. */
    public List<ServerInstance> recent(int limit) {
        return database.selectFrom(SERVER_INSTANCE)
                .orderBy(SERVER_INSTANCE.STARTED_AT.desc(), SERVER_INSTANCE.ID)
                .limit(limit)
                .fetch(ServerInstanceRepository::toInstance);
    }

    public int count() {
        return database.fetchCount(SERVER_INSTANCE);
    }

    private static ServerInstance toInstance(ServerInstanceRecord row) {
        return new ServerInstance(
                row.getId(),
                row.getHost(),
                row.getVersion(),
                row.getManagementPort(),
                row.getGatewayPort(),
                row.getFlinkRestUrl(),
                Instant.ofEpochMilli(row.getStartedAt()),
                Optional.ofNullable(row.getStoppedAt()).map(Instant::ofEpochMilli));
    }
}
