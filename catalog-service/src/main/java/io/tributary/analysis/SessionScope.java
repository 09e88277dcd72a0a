package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

/**
 * The session's current catalog and database: what Flink resolves 1- and 2-part object names against.
 *
 * @param catalog the current catalog (`USE CATALOG`)
 * @param database the current database in that catalog (`USE`)
 */
public record SessionScope(String catalog, String database) {

    public SessionScope {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
    }

    public SessionScope withCatalog(String newCatalog, String newDatabase) {
        return new SessionScope(newCatalog, newDatabase);
    }
}
