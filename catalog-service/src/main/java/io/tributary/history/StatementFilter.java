package io.tributary.history;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import java.time.Instant;
import java.util.Optional;

/**
 * Which statements of the history to list, newest first: every given criterion must hold.
 *
 * @param user statements of this user
 * @param table statements that read or write this table
 * @param kind statements of this kind
 * @param status statements in this status
 * @param from statements started at or after this time
 * @param to statements started before this time
 * @param after the page continues after this statement (the cursor of the previous page)
 * @param limit at most this many statements
 */
public record StatementFilter(
        Optional<String> user,
        Optional<TablePath> table,
        Optional<StatementKind> kind,
        Optional<StatementStatus> status,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<StatementCursor> after,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public StatementFilter {
        requireNonNull(user, "user is null");
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(after, "after is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Every statement, newest first, {@code limit} at a time. */
    public static StatementFilter all(int limit) {
        return new StatementFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public StatementFilter withUser(String value) {
        return new StatementFilter(Optional.of(value), table, kind, status, from, to, after, limit);
    }

    public StatementFilter withTable(TablePath value) {
        return new StatementFilter(user, Optional.of(value), kind, status, from, to, after, limit);
    }

    public StatementFilter withKind(StatementKind value) {
        return new StatementFilter(user, table, Optional.of(value), status, from, to, after, limit);
    }

    public StatementFilter withStatus(StatementStatus value) {
        return new StatementFilter(user, table, kind, Optional.of(value), from, to, after, limit);
    }

    public StatementFilter between(Optional<Instant> start, Optional<Instant> end) {
        return new StatementFilter(user, table, kind, status, start, end, after, limit);
    }

    public StatementFilter after(StatementCursor cursor) {
        return new StatementFilter(user, table, kind, status, from, to, Optional.of(cursor), limit);
    }
}
