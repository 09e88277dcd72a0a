package io.tributary.job;

/** Another managed job already has this name (names are unique, so that people can talk about a job). */
public final class JobNameTakenException extends RuntimeException {
    public JobNameTakenException(String name, Throwable cause) {
        super("a managed job named '" + name + "' already exists", cause);
    }
}
