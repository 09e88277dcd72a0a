package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one statement does and which tables it touches. {@link StatementKind} documents what goes into each field
 * for each kind of statement.
 *
 * @param kind what the statement does
 * @param reads the tables whose data it reads, views expanded to their base tables, each table once
 * @param writes the tables it writes or whose definition it changes, each table once
 * @param views the views its reads went through (nested ones included)
 * @param target the catalog object a DDL, USE, SHOW or DESCRIBE statement is about
 * @param statement the statement's text and where it is in what was analysed
 */
public record StatementAnalysis(
        StatementKind kind,
        Set<TableReference> reads,
        Set<TableReference> writes,
        Set<TablePath> views,
        Optional<ObjectReference> target,
        StatementText statement) {

    public StatementAnalysis {
        requireNonNull(kind, "kind is null");
        reads = sortedCopy(requireNonNull(reads, "reads is null"));
        writes = sortedCopy(requireNonNull(writes, "writes is null"));
        views = sortedCopy(requireNonNull(views, "views is null"));
        requireNonNull(target, "target is null");
        requireNonNull(statement, "statement is null");
    }

    public int startLine() {
        return statement.startLine();
    }

    private static <T extends Comparable<? super T>> Set<T> sortedCopy(Set<T> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
