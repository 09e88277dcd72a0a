package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

/** A catalog definition that could not be stored or read, with the {@link CatalogDefinitionError} saying why. */
public class CatalogDefinitionException extends RuntimeException {

    private final CatalogDefinitionError error;

    public CatalogDefinitionException(CatalogDefinitionError error, String message) {
        this(error, message, null);
    }

    public CatalogDefinitionException(CatalogDefinitionError error, String message, Throwable cause) {
        super(message, cause);
        this.error = requireNonNull(error, "error is null");
    }

    public CatalogDefinitionError error() {
        return error;
    }
}
