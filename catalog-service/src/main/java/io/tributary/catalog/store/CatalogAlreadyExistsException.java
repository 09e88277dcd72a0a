package io.tributary.catalog.store;

/** A create lost to an existing catalog of the same name: the primary key of the metadata database decided. */
public final class CatalogAlreadyExistsException extends CatalogDefinitionException {

    public CatalogAlreadyExistsException(String name, Throwable cause) {
        super(CatalogDefinitionError.CATALOG_ALREADY_EXISTS, CatalogMessages.alreadyExists(name), cause);
    }
}
