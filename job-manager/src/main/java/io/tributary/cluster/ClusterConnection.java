package io.tributary.cluster;

import io.tributary.job.deploy.DeploymentTarget;

/**
 * The registry's handle on one cluster: the deployment target its jobs use and the probe its watcher asks. Opened
 * by the kind's {@link ClusterConnector}, closed when the cluster is removed or moved to another address.
 */
public interface ClusterConnection extends AutoCloseable {

    DeploymentTarget target();

    ClusterProbe probe();

    @Override
    void close();
}
