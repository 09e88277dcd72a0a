package io.tributary.catalog.admin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change to a stored catalog, as ALTER CATALOG expresses it: options to set, options to reset, a new comment.
 * {@code expectedVersion}, when given, makes the change apply only to that version (optimistic concurrency).
 */
public record CatalogChange(Map<String, String> set, List<String> reset, Optional<String> comment,
        Optional<Long> expectedVersion) {

    public CatalogChange {
        set = Map.copyOf(requireNonNull(set, "set is null"));
        reset = List.copyOf(requireNonNull(reset, "reset is null"));
        requireNonNull(comment, "comment is null");
        requireNonNull(expectedVersion, "expectedVersion is null");
    }
}
