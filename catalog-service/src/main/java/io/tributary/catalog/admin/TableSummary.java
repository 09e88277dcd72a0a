package io.tributary.catalog.admin;

import static java.util.Objects.requireNonNull;

/** One table or view of a database, as a listing shows it ({@code kind} TABLE or VIEW). */
public record TableSummary(String name, String kind) {
    public TableSummary {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }
}
