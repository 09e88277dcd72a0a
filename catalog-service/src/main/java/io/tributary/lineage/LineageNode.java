package io.tributary.lineage;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;

/** A table in a lineage, {@code distance} edges away from the table asked about. */
public record LineageNode(TablePath table, int distance) {

    public LineageNode {
        requireNonNull(table, "table is null");
        if (distance < 0) {
            throw new IllegalArgumentException("distance must not be negative");
        }
    }
}
