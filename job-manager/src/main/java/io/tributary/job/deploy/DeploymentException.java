package io.tributary.job.deploy;

/** A job could not be submitted; the message is Flink's reason, for the user. */
public final class DeploymentException extends RuntimeException {
    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
