package io.tributary.catalog.search;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import java.util.List;
import java.util.Optional;

/**
 * A table or view as the metadata index knows it.
 *
 * @param path its fully qualified name
 * @param kind TABLE or VIEW
 * @param comment its comment, if any
 * @param connector its connector type ({@code 'connector'} option), else the type of its catalog
 * @param columns its columns, in order
 */
public record IndexedTable(TablePath path, ObjectKind kind, Optional<String> comment, Optional<String> connector,
        List<IndexedColumn> columns) {

    /** What a table-level object of the index is. */
    public enum ObjectKind {
        TABLE,
        VIEW
    }

    public IndexedTable {
        requireNonNull(path, "path is null");
        requireNonNull(kind, "kind is null");
        comment = requireNonNull(comment, "comment is null").filter(text -> !text.isBlank());
        connector = requireNonNull(connector, "connector is null").filter(text -> !text.isBlank());
        columns = List.copyOf(columns);
    }
}
