package io.tributary.catalog.store;

/** A change based on a version of a catalog that is no longer the current one. */
public final class CatalogChangedConcurrentlyException extends CatalogDefinitionException {

    public CatalogChangedConcurrentlyException(String name, long expectedVersion, long currentVersion) {
        super(CatalogDefinitionError.CATALOG_CHANGED_CONCURRENTLY,
                CatalogMessages.changedConcurrently(name, expectedVersion, currentVersion));
    }
}
