package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

/**
 * A view as its catalog stores it.
 *
 * @param query the view's query (Flink stores the expanded, fully qualified query; an unqualified one works too)
 * @param scope the catalog and database the query's names are resolved against: where the view was defined
 * @param temporary whether it is a temporary view of the session
 */
public record ViewDefinition(String query, SessionScope scope, boolean temporary) {

    public ViewDefinition {
        requireNonNull(query, "query is null");
        requireNonNull(scope, "scope is null");
    }
}
