package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterConnection;
import io.tributary.cluster.ClusterProbe;
import io.tributary.job.deploy.DeploymentTarget;

/** The registry's handle on a YARN cluster: its target and probe, and the YARN client they share. */
final class YarnConnection implements ClusterConnection {

    private final YarnEnvironment environment;
    private final DeploymentTarget target;
    private final ClusterProbe probe;
    private final Runnable closeTarget;

    YarnConnection(YarnEnvironment environment, DeploymentTarget target, ClusterProbe probe, Runnable closeTarget) {
        this.environment = requireNonNull(environment, "environment is null");
        this.target = requireNonNull(target, "target is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.closeTarget = requireNonNull(closeTarget, "closeTarget is null");
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
        try {
            closeTarget.run();
        } finally {
            environment.close();
        }
    }
}
