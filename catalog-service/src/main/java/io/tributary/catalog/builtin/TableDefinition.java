package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.catalog.CatalogBaseTable.TableKind;
import org.apache.flink.table.catalog.TableDistribution;

/**
 * A table, view or materialized table as the {@code tributary} catalog stores it: Flink's portable string
 * properties ({@code CatalogPropertiesUtil}) and what those lack in Flink 1.20, a view's two queries and a table's
 * {@code DISTRIBUTED BY}.
 */
record TableDefinition(
        TableKind kind,
        Map<String, String> properties,
        Optional<String> originalQuery,
        Optional<String> expandedQuery,
        Optional<TableDistribution> distribution) {

    TableDefinition {
        requireNonNull(kind, "kind is null");
        requireNonNull(properties, "properties is null");
        requireNonNull(originalQuery, "originalQuery is null");
        requireNonNull(expandedQuery, "expandedQuery is null");
        requireNonNull(distribution, "distribution is null");
        // Not Map.copyOf: a null value must reach the database, whose NOT NULL constraint rejects it.
        properties = Collections.unmodifiableMap(new HashMap<>(properties));
    }
}
