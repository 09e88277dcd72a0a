package io.tributary.job.deploy;

/** The embedded session cluster that starts with the server (cluster id {@code embedded}). */
public final class EmbeddedSessionTarget extends RestSessionTarget {

    public static final String CLUSTER_ID = "embedded";

    public EmbeddedSessionTarget(RestSessionCluster cluster, GatewayJobSubmitter submitter) {
        super(CLUSTER_ID, cluster, submitter);
    }

    @Override
    public String kind() {
        return "embedded";
    }
}
