package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/** One statement of the analysis corpus with what its analysis must be. */
record CorpusEntry(
        String name,
        int line,
        SessionScope scope,
        String statement,
        StatementKind kind,
        Set<TableReference> reads,
        Set<TableReference> writes,
        Set<TablePath> views,
        Optional<String> target) {

    CorpusEntry {
        requireNonNull(name, "name is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(statement, "statement is null");
        requireNonNull(kind, "kind is null");
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
        views = Set.copyOf(views);
        requireNonNull(target, "target is null");
    }

    @Override
    public String toString() {
        return name + " (corpus line " + line + ")";
    }
}
