package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterConnection;
import io.tributary.cluster.ClusterProbe;
import io.tributary.job.deploy.DeploymentTarget;

/**
 * A registered Kubernetes cluster's connection: its target and probe, and what closing it releases (the REST
 * clients the target opened, then the Kubernetes client of the environment they share).
 */
final class KubernetesConnection implements ClusterConnection {

    private final DeploymentTarget target;
    private final ClusterProbe probe;
    private final Runnable closeTarget;
    private final KubernetesEnvironment environment;

    KubernetesConnection(DeploymentTarget target, ClusterProbe probe, Runnable closeTarget,
            KubernetesEnvironment environment) {
        this.target = requireNonNull(target, "target is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.closeTarget = requireNonNull(closeTarget, "closeTarget is null");
        this.environment = requireNonNull(environment, "environment is null");
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
