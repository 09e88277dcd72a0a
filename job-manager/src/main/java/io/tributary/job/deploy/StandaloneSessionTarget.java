package io.tributary.job.deploy;

/** A remote standalone Flink session cluster, registered by its REST address. */
public final class StandaloneSessionTarget extends RestSessionTarget {

    public StandaloneSessionTarget(String clusterId, RestSessionCluster cluster, GatewayJobSubmitter submitter) {
        super(clusterId, cluster, submitter);
    }

    @Override
    public String kind() {
        return "standalone";
    }
}
