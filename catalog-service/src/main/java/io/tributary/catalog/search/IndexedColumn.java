package io.tributary.catalog.search;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A column as the metadata index knows it: its name, data type (as Flink prints it) and comment. */
public record IndexedColumn(String name, String type, Optional<String> comment) {

    public IndexedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }
}
