package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import org.apache.flink.table.catalog.CatalogPartition;

/** A partition as read back: its id in the metadata database and its definition. */
record StoredPartition(String id, CatalogPartition partition) {

    StoredPartition {
        requireNonNull(id, "id is null");
        requireNonNull(partition, "partition is null");
    }
}
