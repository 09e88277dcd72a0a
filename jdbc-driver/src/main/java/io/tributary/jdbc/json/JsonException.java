package io.tributary.jdbc.json;

/** JSON text that the server sent and that cannot be read, or that lacks a member the driver needs. */
public final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
