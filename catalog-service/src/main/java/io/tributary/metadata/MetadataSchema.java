package io.tributary.metadata;

import static java.util.Objects.requireNonNull;

/**
 * The part of the metadata database that one library owns: its Flyway migrations and its own history table,
 * so that each library migrates independently of the others.
 */
public record MetadataSchema(String name, String migrationLocation, String historyTable) {

    /** The tables of catalog-service: server instances, catalogs, the built-in catalog, the metadata index. */
    public static final MetadataSchema CATALOG_SERVICE =
            new MetadataSchema("catalog-service", "classpath:db/migration/catalog", "flyway_history_catalog");

    public MetadataSchema {
        requireNonNull(name, "name is null");
        requireNonNull(migrationLocation, "migrationLocation is null");
        requireNonNull(historyTable, "historyTable is null");
    }
}
