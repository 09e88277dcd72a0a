package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.job.deploy.DeploymentTarget;

/**
 * The registry's handle on a cluster: its deployment target and its probe, which share a client of their environment
 * (a Flink REST client, a YARN or Kubernetes client); closing it closes the target first, then the environment
 * (either may be nothing to close, as the embedded cluster's REST client, which lives as long as the server).
 */
public final class TargetConnection implements ClusterConnection {

    private final DeploymentTarget target;
    private final ClusterProbe probe;
    private final Runnable closeTarget;
    private final Runnable closeEnvironment;

    public TargetConnection(DeploymentTarget target, ClusterProbe probe, Runnable closeTarget,
            Runnable closeEnvironment) {
        this.target = requireNonNull(target, "target is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.closeTarget = requireNonNull(closeTarget, "closeTarget is null");
        this.closeEnvironment = requireNonNull(closeEnvironment, "closeEnvironment is null");
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
            closeEnvironment.run();
        }
    }
}
