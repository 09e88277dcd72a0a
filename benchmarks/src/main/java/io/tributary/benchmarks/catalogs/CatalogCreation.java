package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** One {@code CREATE CATALOG} through a gateway session: which catalog, its type, and how long it took. */
public record CatalogCreation(String name, String type, Duration duration) {

    public CatalogCreation {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(duration, "duration is null");
    }
}
