package io.tributary.catalog.store;

/** A change of a catalog that does not exist (or no longer does). */
public final class CatalogNotFoundException extends CatalogDefinitionException {

    public CatalogNotFoundException(String name) {
        super(CatalogDefinitionError.CATALOG_NOT_FOUND, CatalogMessages.notFound(name));
    }
}
