package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

/** A cluster definition with a missing or wrong field; the message names the field. */
public final class InvalidClusterException extends RuntimeException {

    private final String field;

    public InvalidClusterException(String field, String message) {
        super(requireNonNull(field, "field is null") + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
