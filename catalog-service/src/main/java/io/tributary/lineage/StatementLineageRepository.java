package io.tributary.lineage;

import static io.tributary.metadata.schema.Tables.LINEAGE_EDGE;
import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * The lineage that statements run in sessions leave: one stored edge per pair of tables, with the latest statement
 * along it and how many there were. A pair is written with an update, else an insert (the primary key decides
 * between two servers inserting it at once; the loser updates).
 */
public final class StatementLineageRepository {

    private final DSLContext database;

    public StatementLineageRepository(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Records that statement {@code statementId} moved data along every flow, at {@code at}. */
    public void record(String statementId, Collection<TableFlow> flows, Instant at) {
        requireNonNull(statementId, "statementId is null");
        requireNonNull(at, "at is null");
        for (TableFlow flow : flows) {
            String key = key(flow);
            if (update(key, statementId, at)) {
                continue;
            }
            try {
                database.insertInto(LINEAGE_EDGE)
                        .set(LINEAGE_EDGE.EDGE_KEY, key)
                        .set(LINEAGE_EDGE.SOURCE_CATALOG, flow.from().catalog())
                        .set(LINEAGE_EDGE.SOURCE_DATABASE, flow.from().database())
                        .set(LINEAGE_EDGE.SOURCE_TABLE, flow.from().table())
                        .set(LINEAGE_EDGE.TARGET_CATALOG, flow.to().catalog())
                        .set(LINEAGE_EDGE.TARGET_DATABASE, flow.to().database())
                        .set(LINEAGE_EDGE.TARGET_TABLE, flow.to().table())
                        .set(LINEAGE_EDGE.LAST_STATEMENT_ID, statementId)
                        .set(LINEAGE_EDGE.STATEMENT_COUNT, 1L)
                        .set(LINEAGE_EDGE.FIRST_SEEN_AT, at.toEpochMilli())
                        .set(LINEAGE_EDGE.LAST_SEEN_AT, at.toEpochMilli())
                        .execute();
            } catch (DataAccessException e) {
                if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    throw e;
                }
                update(key, statementId, at);
            }
        }
    }

    private boolean update(String key, String statementId, Instant at) {
        return database.update(LINEAGE_EDGE)
                .set(LINEAGE_EDGE.LAST_STATEMENT_ID, statementId)
                .set(LINEAGE_EDGE.STATEMENT_COUNT, LINEAGE_EDGE.STATEMENT_COUNT.plus(1L))
                .set(LINEAGE_EDGE.LAST_SEEN_AT, at.toEpochMilli())
                .where(LINEAGE_EDGE.EDGE_KEY.eq(key))
                .execute() == 1;
    }

    /** Every stored edge. */
    public List<LineageEdge> all() {
        return database.selectFrom(LINEAGE_EDGE)
                .orderBy(LINEAGE_EDGE.EDGE_KEY)
                .fetch(row -> new LineageEdge(
                        new TablePath(row.getSourceCatalog(), row.getSourceDatabase(), row.getSourceTable()),
                        new TablePath(row.getTargetCatalog(), row.getTargetDatabase(), row.getTargetTable()),
                        LineageVia.statements(row.getLastStatementId(), row.getStatementCount(),
                                Instant.ofEpochMilli(row.getLastSeenAt()))));
    }

    static String key(TableFlow flow) {
        String pair = String.join("\u0000", flow.from().catalog(), flow.from().database(), flow.from().table(),
                flow.to().catalog(), flow.to().database(), flow.to().table());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(pair.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
