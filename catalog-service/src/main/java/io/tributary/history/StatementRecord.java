package io.tributary.history;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One statement of the history: who ran it where, its text (credentials masked), what it is and touches, and how
 * it ended.
 *
 * @param id the gateway's operation id, or an id of the server's when Flink never accepted the statement
 * @param sessionId the gateway session it ran in
 * @param sessionName the name the client gave its session, if any
 * @param client how the client reached the server, e.g. {@code rest/V3} (Flink's REST protocol and its version)
 * @param user the user the session names ({@code tributary.user}), if any
 * @param text the statement as sent, credentials masked
 * @param kind what it is; empty when its analysis failed
 * @param analysisError why its analysis failed, when it did
 * @param catalog the session's current catalog when it started
 * @param database the session's current database when it started
 * @param reads the tables whose data it reads, views expanded
 * @param writes the tables it writes or whose definition it changes
 * @param status where it stands
 * @param startedAt when the gateway received it
 * @param endedAt when it ended, once it has
 * @param rows the rows a query returned to its client, where that is known
 * @param flinkJobId the Flink job it started, where the client was told one
 * @param error Flink's error (or the reason for a refusal), credentials masked
 */
public record StatementRecord(
        String id,
        String sessionId,
        Optional<String> sessionName,
        String client,
        Optional<String> user,
        String text,
        Optional<StatementKind> kind,
        Optional<String> analysisError,
        String catalog,
        String database,
        Set<TablePath> reads,
        Set<TablePath> writes,
        StatementStatus status,
        Instant startedAt,
        Optional<Instant> endedAt,
        OptionalLong rows,
        Optional<String> flinkJobId,
        Optional<String> error) {

    public StatementRecord {
        requireNonNull(id, "id is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(sessionName, "sessionName is null");
        requireNonNull(client, "client is null");
        requireNonNull(user, "user is null");
        requireNonNull(text, "text is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(analysisError, "analysisError is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        reads = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(reads, "reads is null")));
        writes = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(writes, "writes is null")));
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(error, "error is null");
    }

    /** The record as it is once {@code end} happened to it. */
    public StatementRecord ended(StatementEnd end) {
        return new StatementRecord(id, sessionId, sessionName, client, user, text, kind, analysisError, catalog,
                database, reads, writes, end.status(), startedAt, Optional.of(end.endedAt()), end.rows(),
                end.flinkJobId().or(() -> flinkJobId), end.error());
    }
}
