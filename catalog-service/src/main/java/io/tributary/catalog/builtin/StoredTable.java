package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

/** A table, view or materialized table as read back: its id in the metadata database and its definition. */
record StoredTable(String id, TableDefinition definition) {

    StoredTable {
        requireNonNull(id, "id is null");
        requireNonNull(definition, "definition is null");
    }
}
