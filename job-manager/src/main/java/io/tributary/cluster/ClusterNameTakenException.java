package io.tributary.cluster;

/** Another registered cluster already has this name. */
public final class ClusterNameTakenException extends RuntimeException {
    public ClusterNameTakenException(String name, Throwable cause) {
        super("a cluster named '" + name + "' is already registered", cause);
    }
}
