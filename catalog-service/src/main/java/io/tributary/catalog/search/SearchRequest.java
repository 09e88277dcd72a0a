package io.tributary.catalog.search;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A search of the metadata index.
 *
 * @param query words that must each occur in a name, comment or connector type (case-insensitive); the longest one
 *     ranks the results
 * @param catalog only objects of this catalog
 * @param database only objects of databases of this name
 * @param offset how many results to skip
 * @param limit how many results to return at most
 */
public record SearchRequest(String query, Optional<String> catalog, Optional<String> database, int offset, int limit) {

    public static final int MAX_LIMIT = 500;

    public SearchRequest {
        requireNonNull(query, "query is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        if (query.isBlank()) {
            throw new IllegalArgumentException("q must not be empty");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, Optional.empty(), Optional.empty(), 0, limit);
    }
}
