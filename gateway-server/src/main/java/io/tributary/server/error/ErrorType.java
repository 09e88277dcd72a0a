package io.tributary.server.error;

/** Whose fault an error is: the user's, ours, or a system we depend on. */
public enum ErrorType {
    USER_ERROR,
    INTERNAL_ERROR,
    EXTERNAL,
    INSUFFICIENT_RESOURCES
}
