package io.tributary.catalog.admin;

/** A database or table that a catalog does not have. */
public final class CatalogObjectNotFoundException extends RuntimeException {
    public CatalogObjectNotFoundException(String message) {
        super(message);
    }
}
