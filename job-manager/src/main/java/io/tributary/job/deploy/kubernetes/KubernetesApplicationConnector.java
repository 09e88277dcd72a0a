package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterConnection;
import io.tributary.cluster.ClusterConnector;
import io.tributary.cluster.ClusterDefinition;
import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.ClusterLocation;
import io.tributary.cluster.InvalidClusterException;
import io.tributary.cluster.TargetConnection;
import io.tributary.job.runner.JobSpecWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes application mode ({@code kubernetes-application}): a registered namespace where every job deployment
 * gets a Flink cluster of its own; settings as {@link KubernetesSettings} (no clusterId: each job's is derived from
 * its Flink job id).
 */
public final class KubernetesApplicationConnector implements ClusterConnector {

    private final HttpClient http;
    private final JobSpecWriter specs;
    private final Duration probeTimeout;

    public KubernetesApplicationConnector(HttpClient http, JobSpecWriter specs, Duration probeTimeout) {
        this.http = requireNonNull(http, "http is null");
        this.specs = requireNonNull(specs, "specs is null");
        this.probeTimeout = requireNonNull(probeTimeout, "probeTimeout is null");
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.KUBERNETES_APPLICATION;
    }

    @Override
    public ClusterLocation locate(String restAddress, Map<String, String> settings) {
        if (restAddress != null && !restAddress.isBlank()) {
            throw new InvalidClusterException("restAddress", "Kubernetes application clusters are created per job;"
                    + " register the namespace by its settings (kubeconfig, namespace, image, ...), not a REST"
                    + " address");
        }
        KubernetesSettings.application(settings == null ? Map.of() : settings);
        return new ClusterLocation(Optional.empty(), settings == null ? Map.of() : settings);
    }

    @Override
    public ClusterConnection connect(ClusterDefinition cluster) {
        KubernetesEnvironment environment = new KubernetesEnvironment(cluster.id(),
                KubernetesSettings.application(cluster.settings()));
        KubernetesApplicationTarget target = new KubernetesApplicationTarget(cluster.id(), environment, specs, http);
        return new TargetConnection(target,
                new KubernetesApplicationProbe(target, environment, http, probeTimeout), target::close,
                environment::close);
    }
}
