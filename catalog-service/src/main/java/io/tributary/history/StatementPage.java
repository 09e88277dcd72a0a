package io.tributary.history;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One page of the history, newest first, and where the next one starts (empty on the last page). */
public record StatementPage(List<StatementRecord> statements, Optional<StatementCursor> next) {

    public StatementPage {
        statements = List.copyOf(statements);
        requireNonNull(next, "next is null");
    }
}
