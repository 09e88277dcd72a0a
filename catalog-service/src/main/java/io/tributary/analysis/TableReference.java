package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A table a statement reads or writes, fully qualified, with the columns it uses where the analyzer can tell them
 * from the SQL text alone.
 *
 * <p>{@code columns} holds the columns the SQL text attributes to the table, wherever they are used (select list,
 * conditions, grouping, ordering, window and join keys), so it may hold more than the planner would keep. An empty
 * set means "all columns, or not known": {@code SELECT *}, an unqualified column in a join of several tables, a
 * {@code NATURAL JOIN}, or a statement that addresses the table as a whole (DDL). The analyzer gives up on a
 * table's columns rather than guess, with one exception that follows SQL's own rule: an unqualified column inside
 * a subquery belongs to the subquery's table, so a correlated reference to an outer table counts for the outer
 * table only when it is qualified ({@code o.customer_id}). {@link StatementAnalyzer} lists the limits.
 */
public record TableReference(String catalog, String database, String table, Set<String> columns)
        implements Comparable<TableReference> {

    public TableReference {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        requireNonNull(columns, "columns is null");
        SortedSet<String> sorted = new TreeSet<>(columns);
        columns = Collections.unmodifiableSortedSet(sorted);
    }

    public static TableReference of(TablePath path, Set<String> columns) {
        requireNonNull(path, "path is null");
        return new TableReference(path.catalog(), path.database(), path.table(), columns);
    }

    /** All columns, or not known. */
    public static TableReference wholeTable(TablePath path) {
        return of(path, Set.of());
    }

    public TablePath path() {
        return new TablePath(catalog, database, table);
    }

    public boolean allColumns() {
        return columns.isEmpty();
    }

    @Override
    public int compareTo(TableReference other) {
        return path().compareTo(other.path());
    }

    @Override
    public String toString() {
        return columns.isEmpty() ? path().toString() : path() + columns.toString();
    }
}
