package io.tributary.catalog.store;

/** Why a catalog definition could not be stored or read: the code every {@link CatalogDefinitionException} carries. */
public enum CatalogDefinitionError {
    /** A catalog of that name exists already (possibly created a moment ago by another session). */
    CATALOG_ALREADY_EXISTS,
    /** No catalog of that name exists (possibly dropped a moment ago by another session). */
    CATALOG_NOT_FOUND,
    /** The catalog changed since the change at hand read it: another session altered it at the same time. */
    CATALOG_CHANGED_CONCURRENTLY,
    /** The definition cannot be stored as it is: no type, a value too long, options Flink rejects. */
    INVALID_CATALOG_DEFINITION,
    /** A stored credential cannot be decrypted with the configured master key. */
    SECRET_UNREADABLE
}
