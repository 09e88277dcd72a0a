package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** One listing of a catalog's tables: how long until the whole answer was in, and how many tables it named. */
public record Listing(Duration complete, long tables) {

    public Listing {
        requireNonNull(complete, "complete is null");
        if (tables < 0) {
            throw new IllegalArgumentException("tables is negative: " + tables);
        }
    }
}
