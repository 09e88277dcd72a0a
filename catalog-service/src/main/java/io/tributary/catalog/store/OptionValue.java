package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

/**
 * The value of one catalog option, and whether it is a credential: credentials are stored encrypted and shown
 * masked. {@link #toString()} never shows a credential, so a definition can be logged safely.
 */
public record OptionValue(String value, boolean secret) {

    public OptionValue {
        requireNonNull(value, "value is null");
    }

    public static OptionValue plain(String value) {
        return new OptionValue(value, false);
    }

    public static OptionValue ofSecret(String value) {
        return new OptionValue(value, true);
    }

    /** This value as shown to people: a credential is replaced by {@link CatalogDefinition#MASK}. */
    public OptionValue masked() {
        return secret ? new OptionValue(CatalogDefinition.MASK, true) : this;
    }

    @Override
    public String toString() {
        return secret ? CatalogDefinition.MASK : value;
    }
}
