package io.tributary.cluster;

/** A cluster did not answer a probe, or did not answer as Flink does; the message says which request and why. */
public final class ClusterProbeException extends RuntimeException {

    public ClusterProbeException(String message) {
        super(message);
    }
}
