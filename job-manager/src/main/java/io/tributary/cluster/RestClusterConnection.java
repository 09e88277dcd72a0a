package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.RestSessionCluster;

/** A session cluster reached by its REST address (embedded, standalone): Flink's REST client and a REST probe. */
public final class RestClusterConnection implements ClusterConnection {

    private final RestSessionCluster cluster;
    private final DeploymentTarget target;
    private final ClusterProbe probe;
    private final boolean closesCluster;

    /**
     * @param closesCluster whether {@link #close} closes the REST client too (not for the embedded cluster's, which
     *     lives as long as the server)
     */
    public RestClusterConnection(RestSessionCluster cluster, DeploymentTarget target, ClusterProbe probe,
            boolean closesCluster) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.target = requireNonNull(target, "target is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.closesCluster = closesCluster;
    }

    @Override
    public DeploymentTarget target() {
        return target;
    }

    @Override
    public ClusterProbe probe() {
        return probe;
    }

    @Override
    public void close() {
        if (closesCluster) {
            cluster.close();
        }
    }
}
