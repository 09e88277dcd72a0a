package io.tributary.history;

import static io.tributary.metadata.schema.Tables.STATEMENT_HISTORY;
import static io.tributary.metadata.schema.Tables.STATEMENT_TABLE;
import static java.util.Objects.requireNonNull;

import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import io.tributary.metadata.schema.tables.records.StatementHistoryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * Stores the statement history in the metadata database: one row per statement, one per table it reads or writes.
 * A statement is inserted once, RUNNING or REFUSED, and ended once by a conditional update on RUNNING.
 */
public final class StatementHistoryRepository {

    /** Column sizes in V4__statement_history.sql; longer values are cut to fit. */
    static final int MAX_NAME_LENGTH = 128;
    static final int MAX_TABLE_LENGTH = 256;
    static final int MAX_SESSION_NAME_LENGTH = 256;
    static final int MAX_CLIENT_LENGTH = 64;
    static final int MAX_USER_LENGTH = 200;
    static final int MAX_ANALYSIS_ERROR_LENGTH = 4000;
    /** Texts are MEDIUMTEXT (16 MB on MySQL); a statement or error longer than this is cut. */
    static final int MAX_TEXT_LENGTH = 1_000_000;

    private static final String READ = "READ";
    private static final String WRITE = "WRITE";

    private final DSLContext database;

    public StatementHistoryRepository(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Stores a new statement with the tables it reads and writes, all or nothing. */
    public void insert(StatementRecord statement) {
        requireNonNull(statement, "statement is null");
        database.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.insertInto(STATEMENT_HISTORY)
                    .set(STATEMENT_HISTORY.ID, statement.id())
                    .set(STATEMENT_HISTORY.SESSION_ID, statement.sessionId())
                    .set(STATEMENT_HISTORY.SESSION_NAME,
                            statement.sessionName().map(name -> cut(name, MAX_SESSION_NAME_LENGTH)).orElse(null))
                    .set(STATEMENT_HISTORY.CLIENT_NAME, cut(statement.client(), MAX_CLIENT_LENGTH))
                    .set(STATEMENT_HISTORY.USER_NAME,
                            statement.user().map(user -> cut(user, MAX_USER_LENGTH)).orElse(null))
                    .set(STATEMENT_HISTORY.STATEMENT_TEXT, cut(statement.text(), MAX_TEXT_LENGTH))
                    .set(STATEMENT_HISTORY.STATEMENT_KIND, statement.kind().map(Enum::name).orElse(null))
                    .set(STATEMENT_HISTORY.ANALYSIS_ERROR, statement.analysisError()
                            .map(error -> cut(error, MAX_ANALYSIS_ERROR_LENGTH)).orElse(null))
                    .set(STATEMENT_HISTORY.CATALOG_NAME, cut(statement.catalog(), MAX_NAME_LENGTH))
                    .set(STATEMENT_HISTORY.DATABASE_NAME, cut(statement.database(), MAX_NAME_LENGTH))
                    .set(STATEMENT_HISTORY.STATEMENT_STATUS, statement.status().name())
                    .set(STATEMENT_HISTORY.STARTED_AT, statement.startedAt().toEpochMilli())
                    .set(STATEMENT_HISTORY.ENDED_AT, statement.endedAt().map(Instant::toEpochMilli).orElse(null))
                    .set(STATEMENT_HISTORY.RESULT_ROWS,
                            statement.rows().isPresent() ? statement.rows().getAsLong() : null)
                    .set(STATEMENT_HISTORY.FLINK_JOB_ID, statement.flinkJobId().orElse(null))
                    .set(STATEMENT_HISTORY.ERROR_TEXT,
                            statement.error().map(error -> cut(error, MAX_TEXT_LENGTH)).orElse(null))
                    .execute();
            List<Query> tables = new ArrayList<>();
            for (TableAccessRow row : accessRows(statement)) {
                tables.add(transaction.insertInto(STATEMENT_TABLE)
                        .set(STATEMENT_TABLE.STATEMENT_ID, statement.id())
                        .set(STATEMENT_TABLE.ACCESS_KIND, row.access())
                        .set(STATEMENT_TABLE.CATALOG_NAME, row.catalog())
                        .set(STATEMENT_TABLE.DATABASE_NAME, row.database())
                        .set(STATEMENT_TABLE.TABLE_NAME, row.table()));
            }
            if (!tables.isEmpty()) {
                transaction.batch(tables).execute();
            }
        });
    }

    /**
     * Ends a running statement; false when it is unknown or has already ended (the first end wins). A Flink job id
     * already stored is kept when the end does not name one.
     */
    public boolean end(String id, StatementEnd end) {
        requireNonNull(id, "id is null");
        requireNonNull(end, "end is null");
        var update = database.update(STATEMENT_HISTORY)
                .set(STATEMENT_HISTORY.STATEMENT_STATUS, end.status().name())
                .set(STATEMENT_HISTORY.ENDED_AT, end.endedAt().toEpochMilli())
                .set(STATEMENT_HISTORY.RESULT_ROWS, end.rows().isPresent() ? end.rows().getAsLong() : null)
                .set(STATEMENT_HISTORY.ERROR_TEXT, end.error().map(error -> cut(error, MAX_TEXT_LENGTH)).orElse(null));
        if (end.flinkJobId().isPresent()) {
            update = update.set(STATEMENT_HISTORY.FLINK_JOB_ID, end.flinkJobId().get());
        }
        return update.where(STATEMENT_HISTORY.ID.eq(id))
                .and(STATEMENT_HISTORY.STATEMENT_STATUS.eq(StatementStatus.RUNNING.name()))
                .execute() == 1;
    }

    /** Records the Flink job a statement started, once its client was told; false when one is already stored. */
    public boolean setFlinkJobId(String id, String flinkJobId) {
        requireNonNull(id, "id is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        return database.update(STATEMENT_HISTORY)
                .set(STATEMENT_HISTORY.FLINK_JOB_ID, flinkJobId)
                .where(STATEMENT_HISTORY.ID.eq(id))
                .and(STATEMENT_HISTORY.FLINK_JOB_ID.isNull())
                .execute() == 1;
    }

    public Optional<StatementRecord> find(String id) {
        requireNonNull(id, "id is null");
        return database.selectFrom(STATEMENT_HISTORY)
                .where(STATEMENT_HISTORY.ID.eq(id))
                .fetchOptional()
                .map(row -> toRecord(row, tablesOf(List.of(id)).getOrDefault(id, Tables.NONE)));
    }

    /** The statements the filter selects, newest first, and the cursor of the next page. */
    public StatementPage search(StatementFilter filter) {
        requireNonNull(filter, "filter is null");
        List<Condition> conditions = new ArrayList<>();
        filter.user().ifPresent(user -> conditions.add(STATEMENT_HISTORY.USER_NAME.eq(user)));
        filter.kind().ifPresent(kind -> conditions.add(STATEMENT_HISTORY.STATEMENT_KIND.eq(kind.name())));
        filter.status().ifPresent(status -> conditions.add(STATEMENT_HISTORY.STATEMENT_STATUS.eq(status.name())));
        filter.from().ifPresent(from -> conditions.add(STATEMENT_HISTORY.STARTED_AT.ge(from.toEpochMilli())));
        filter.to().ifPresent(to -> conditions.add(STATEMENT_HISTORY.STARTED_AT.lt(to.toEpochMilli())));
        filter.table().ifPresent(table -> conditions.add(STATEMENT_HISTORY.ID.in(
                DSL.select(STATEMENT_TABLE.STATEMENT_ID).from(STATEMENT_TABLE)
                        .where(STATEMENT_TABLE.CATALOG_NAME.eq(table.catalog()))
                        .and(STATEMENT_TABLE.DATABASE_NAME.eq(table.database()))
                        .and(STATEMENT_TABLE.TABLE_NAME.eq(table.table())))));
        filter.after().ifPresent(cursor -> {
            long millis = cursor.startedAt().toEpochMilli();
            conditions.add(STATEMENT_HISTORY.STARTED_AT.lt(millis)
                    .or(STATEMENT_HISTORY.STARTED_AT.eq(millis).and(STATEMENT_HISTORY.ID.lt(cursor.id()))));
        });
        List<StatementHistoryRecord> rows = database.selectFrom(STATEMENT_HISTORY)
                .where(conditions)
                .orderBy(STATEMENT_HISTORY.STARTED_AT.desc(), STATEMENT_HISTORY.ID.desc())
                .limit(filter.limit() + 1)
                .fetch();
        boolean more = rows.size() > filter.limit();
        List<StatementHistoryRecord> page = more ? rows.subList(0, filter.limit()) : rows;
        Map<String, Tables> tables = tablesOf(page.stream().map(StatementHistoryRecord::getId).toList());
        List<StatementRecord> statements = page.stream()
                .map(row -> toRecord(row, tables.getOrDefault(row.getId(), Tables.NONE)))
                .toList();
        Optional<StatementCursor> next = more
                ? Optional.of(StatementCursor.of(statements.get(statements.size() - 1)))
                : Optional.empty();
        return new StatementPage(statements, next);
    }

    private Map<String, Tables> tablesOf(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Tables> tables = new HashMap<>();
        database.selectFrom(STATEMENT_TABLE)
                .where(STATEMENT_TABLE.STATEMENT_ID.in(ids))
                .forEach(row -> {
                    Tables of = tables.computeIfAbsent(row.getStatementId(),
                            ignored -> new Tables(new HashSet<>(), new HashSet<>()));
                    TablePath path = new TablePath(row.getCatalogName(), row.getDatabaseName(), row.getTableName());
                    (row.getAccessKind().equals(READ) ? of.reads() : of.writes()).add(path);
                });
        return tables;
    }

    private record Tables(Set<TablePath> reads, Set<TablePath> writes) {
        static final Tables NONE = new Tables(Set.of(), Set.of());
    }

    private record TableAccessRow(String access, String catalog, String database, String table) {}

    private static List<TableAccessRow> accessRows(StatementRecord statement) {
        Set<TableAccessRow> rows = new java.util.LinkedHashSet<>();
        statement.reads().forEach(path -> rows.add(row(READ, path)));
        statement.writes().forEach(path -> rows.add(row(WRITE, path)));
        return List.copyOf(rows);
    }

    private static TableAccessRow row(String access, TablePath path) {
        return new TableAccessRow(access, cut(path.catalog(), MAX_NAME_LENGTH), cut(path.database(), MAX_NAME_LENGTH),
                cut(path.table(), MAX_TABLE_LENGTH));
    }

    private static StatementRecord toRecord(StatementHistoryRecord row, Tables tables) {
        return new StatementRecord(
                row.getId(),
                row.getSessionId(),
                Optional.ofNullable(row.getSessionName()),
                row.getClientName(),
                Optional.ofNullable(row.getUserName()),
                row.getStatementText(),
                Optional.ofNullable(row.getStatementKind()).flatMap(StatementHistoryRepository::kind),
                Optional.ofNullable(row.getAnalysisError()),
                row.getCatalogName(),
                row.getDatabaseName(),
                tables.reads(),
                tables.writes(),
                StatementStatus.valueOf(row.getStatementStatus()),
                Instant.ofEpochMilli(row.getStartedAt()),
                Optional.ofNullable(row.getEndedAt()).map(Instant::ofEpochMilli),
                row.getResultRows() == null ? OptionalLong.empty() : OptionalLong.of(row.getResultRows()),
                Optional.ofNullable(row.getFlinkJobId()),
                Optional.ofNullable(row.getErrorText()));
    }

    /** A kind stored by an older server that this one no longer knows reads as unknown, not as an error. */
    private static Optional<StatementKind> kind(String name) {
        try {
            return Optional.of(StatementKind.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
