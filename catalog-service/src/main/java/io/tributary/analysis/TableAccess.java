package io.tributary.analysis;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The tables one statement reads and writes, with their columns, and the views it reads through. */
final class TableAccess {

    private final Map<TablePath, ColumnUse> reads = new LinkedHashMap<>();
    private final Map<TablePath, ColumnUse> writes = new LinkedHashMap<>();
    private final Set<TablePath> views = new HashSet<>();

    void read(TablePath table) {
        reads.computeIfAbsent(table, ignored -> new ColumnUse());
    }

    void readColumn(TablePath table, String column) {
        reads.computeIfAbsent(table, ignored -> new ColumnUse()).add(column);
    }

    void readAllColumns(TablePath table) {
        reads.computeIfAbsent(table, ignored -> new ColumnUse()).addAll();
    }

    /** Records a write of some columns of a table; no columns means all of them. */
    void write(TablePath table, Set<String> columns) {
        ColumnUse use = writes.computeIfAbsent(table, ignored -> new ColumnUse());
        if (columns.isEmpty()) {
            use.addAll();
        } else {
            columns.forEach(use::add);
        }
    }

    void viewUsed(TablePath view) {
        views.add(view);
    }

    /** Adds the reads and views of another statement (one that is explained or compiled, not run). */
    void addReadsOf(TableAccess other) {
        other.reads.forEach((table, use) -> reads.computeIfAbsent(table, ignored -> new ColumnUse()).addAll(use));
        views.addAll(other.views);
    }

    Set<TableReference> reads() {
        return references(reads);
    }

    Set<TableReference> writes() {
        return references(writes);
    }

    Set<TablePath> views() {
        return Set.copyOf(views);
    }

    private static Set<TableReference> references(Map<TablePath, ColumnUse> uses) {
        return uses.entrySet().stream()
                .map(entry -> TableReference.of(entry.getKey(), entry.getValue().columns()))
                .collect(Collectors.toSet());
    }

    /** The columns used of one table; once all (or unknown) are used, the set no longer matters. */
    private static final class ColumnUse {
        private final Set<String> columns = new HashSet<>();
        private boolean all;

        void add(String column) {
            if (!all) {
                columns.add(column);
            }
        }

        void addAll() {
            all = true;
            columns.clear();
        }

        void addAll(ColumnUse other) {
            if (other.all || other.columns.isEmpty()) {
                addAll();
            } else {
                other.columns.forEach(this::add);
            }
        }

        Set<String> columns() {
            return all ? Set.of() : columns;
        }
    }
}
