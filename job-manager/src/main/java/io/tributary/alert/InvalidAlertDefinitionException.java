package io.tributary.alert;

import static java.util.Objects.requireNonNull;

/** A rule or channel definition a user got wrong: names the field at fault. */
public final class InvalidAlertDefinitionException extends RuntimeException {

    private final String field;

    public InvalidAlertDefinitionException(String field, String message) {
        super(requireNonNull(message, "message is null"));
        this.field = requireNonNull(field, "field is null");
    }

    public String field() {
        return field;
    }
}
