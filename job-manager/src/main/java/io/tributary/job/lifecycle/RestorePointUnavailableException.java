package io.tributary.job.lifecycle;

/** The requested restore point does not exist (no savepoint yet, no retained checkpoint). */
public final class RestorePointUnavailableException extends RuntimeException {
    public RestorePointUnavailableException(String message) {
        super(message);
    }
}
