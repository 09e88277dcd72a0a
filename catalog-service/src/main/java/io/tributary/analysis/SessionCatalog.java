package io.tributary.analysis;

import java.util.Optional;

/**
 * What the analyzer asks of the session's catalogs: which names are views (to expand them to their base tables),
 * which are temporary tables (not reported), and a catalog's default database (for {@code USE CATALOG} in a
 * script). The server implements it over Flink's {@code CatalogManager} of the session
 * ({@code getTable(ObjectIdentifier)}: {@code isTemporary()}, a {@code CatalogView}'s {@code getExpandedQuery()});
 * temporary objects shadow permanent ones of the same name, as in Flink.
 *
 * <p>Implementations may throw a {@link RuntimeException} when a catalog cannot be reached; the analysis of the
 * statement then fails with {@link AnalysisErrorCode#CATALOG_LOOKUP_FAILED}.
 */
public interface SessionCatalog {

    /** The view at {@code path}, or empty when there is none (a table, or nothing). */
    Optional<ViewDefinition> view(TablePath path);

    /** Whether {@code path} names a temporary table of the session. */
    boolean isTemporaryTable(TablePath path);

    /** The database a session uses after {@code USE CATALOG catalog}, or empty when the catalog is not known. */
    Optional<String> defaultDatabase(String catalog);

    /** A session that knows no views, temporary tables or catalogs. */
    static SessionCatalog empty() {
        return EmptySessionCatalog.INSTANCE;
    }
}
