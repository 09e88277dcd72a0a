package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import java.util.function.BooleanSupplier;

/**
 * The embedded session cluster that starts with the server (cluster id {@code embedded}). It runs in the server's
 * own process: whether it is up is known without a request to its REST endpoint.
 */
public final class EmbeddedSessionTarget extends RestSessionTarget {

    public static final String CLUSTER_ID = "embedded";

    private final RestSessionCluster cluster;
    private final BooleanSupplier running;

    /** Checks that the cluster is reachable by asking its REST endpoint. */
    public EmbeddedSessionTarget(RestSessionCluster cluster, GatewayJobSubmitter submitter) {
        this(cluster, submitter, null);
    }

    /** Checks that the cluster is reachable by asking {@code running}, the in-process cluster's own state. */
    public EmbeddedSessionTarget(RestSessionCluster cluster, GatewayJobSubmitter submitter, BooleanSupplier running) {
        super(CLUSTER_ID, cluster, submitter);
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.running = running;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void checkReachable() {
        if (running == null) {
            super.checkReachable();
        } else if (!running.getAsBoolean()) {
            throw new ClusterUnavailableException(CLUSTER_ID, cluster.restAddress().toString(),
                    new IllegalStateException("the embedded Flink cluster is not running"));
        }
    }
}
