package io.tributary.server.metadata;

import static java.util.Objects.requireNonNull;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataMigrator.MigratedSchema;
import java.util.List;

/** The metadata database after start-up migration: its kind and where each library's schema stands. */
public record MetadataSchemaStatus(MetadataDatabaseKind kind, List<MigratedSchema> schemas) {
    public MetadataSchemaStatus {
        requireNonNull(kind, "kind is null");
        schemas = List.copyOf(schemas);
    }
}
