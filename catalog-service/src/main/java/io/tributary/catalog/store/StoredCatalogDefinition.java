package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A {@link CatalogDefinition} as the metadata database holds it: when it was created and last changed, and its
 * version, which grows by one at every change (a change names the version it was based on).
 */
public record StoredCatalogDefinition(CatalogDefinition definition, Instant createdAt, Instant updatedAt, long version) {

    public StoredCatalogDefinition {
        requireNonNull(definition, "definition is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive: " + version);
        }
    }

    public String name() {
        return definition.name();
    }
}
