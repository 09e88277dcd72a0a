package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One item of a FROM clause, as far as the SQL text tells.
 *
 * @param alias the name it is referred to by: its alias, or the last part of a table's name
 * @param name the fully qualified name of a table or view, for columns qualified with more than the alias
 * @param table the base table whose columns this relation passes through unchanged (a table, a window TVF or
 *     a lookup of one), or empty
 * @param columns the relation's column names when they are known from the text (derived tables, CTEs, views,
 *     functions with column aliases), or empty when unknown (tables)
 * @param virtualColumns columns the relation adds to its table's (window_start, ...): not the table's
 */
record Relation(
        Optional<String> alias,
        Optional<TablePath> name,
        Optional<TablePath> table,
        Optional<Set<String>> columns,
        Set<String> virtualColumns) {

    static final Set<String> WINDOW_COLUMNS = Set.of("window_start", "window_end", "window_time");

    Relation {
        requireNonNull(alias, "alias is null");
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        columns = requireNonNull(columns, "columns is null").map(Set::copyOf);
        virtualColumns = Set.copyOf(virtualColumns);
    }

    /** A base table: its columns are unknown and pass through. */
    static Relation table(String alias, TablePath path) {
        return new Relation(Optional.of(alias), Optional.of(path), Optional.of(path), Optional.empty(), Set.of());
    }

    /** A view, a temporary table, a CTE, a derived table or a function: no base table shows through it. */
    static Relation derived(Optional<String> alias, Optional<TablePath> name, Optional<Set<String>> columns) {
        return new Relation(alias, name, Optional.empty(), columns, Set.of());
    }

    /** Something of which nothing is known but that it is there. */
    static Relation opaque() {
        return derived(Optional.empty(), Optional.empty(), Optional.empty());
    }

    Relation withAlias(String newAlias) {
        return new Relation(Optional.of(newAlias), name, table, columns, virtualColumns);
    }

    /** The relation under new column names ({@code AS x (a, b)}): its base table's columns no longer show. */
    Relation renamed(List<String> newColumns) {
        return new Relation(alias, name, Optional.empty(), Optional.of(new HashSet<>(newColumns)), Set.of());
    }

    /** A window TVF over this relation: its columns plus window_start, window_end and window_time. */
    Relation windowed() {
        Optional<Set<String>> windowedColumns = columns.map(known -> {
            Set<String> all = new HashSet<>(known);
            all.addAll(WINDOW_COLUMNS);
            return all;
        });
        Set<String> virtual = new HashSet<>(virtualColumns);
        virtual.addAll(WINDOW_COLUMNS);
        return new Relation(Optional.empty(), Optional.empty(), table, windowedColumns, virtual);
    }

    /** Whether the text tells that this relation has the column. */
    boolean provides(String column) {
        return virtualColumns.contains(column) || columns.map(known -> known.contains(column)).orElse(false);
    }

    boolean columnsUnknown() {
        return columns.isEmpty();
    }

    /** Whether {@code qualifier} (the parts before a column name) names this relation. */
    boolean isNamedBy(List<String> qualifier) {
        String last = qualifier.get(qualifier.size() - 1);
        if (alias.isEmpty() || !alias.get().equals(last)) {
            return false;
        }
        if (qualifier.size() == 1) {
            return true;
        }
        if (name.isEmpty() || qualifier.size() > 3) {
            return false;
        }
        List<String> full = List.of(name.get().catalog(), name.get().database(), name.get().table());
        return full.subList(3 - qualifier.size(), 3).equals(qualifier);
    }
}
