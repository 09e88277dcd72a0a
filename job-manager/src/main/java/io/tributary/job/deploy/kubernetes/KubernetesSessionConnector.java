package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterConnection;
import io.tributary.cluster.ClusterConnector;
import io.tributary.cluster.ClusterDefinition;
import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.ClusterLocation;
import io.tributary.cluster.InvalidClusterException;
import io.tributary.cluster.TargetConnection;
import io.tributary.job.deploy.GatewayJobSubmitter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Flink session clusters on Kubernetes ({@code kubernetes-session}), registered by settings, not by a REST address:
 * {@code kubeconfig}, {@code namespace}, {@code clusterId}, {@code deploy} and the pod settings of {@link
 * KubernetesSettings}.
 */
public final class KubernetesSessionConnector implements ClusterConnector {

    private final HttpClient http;
    private final GatewayJobSubmitter submitter;
    private final Duration probeTimeout;

    public KubernetesSessionConnector(HttpClient http, GatewayJobSubmitter submitter, Duration probeTimeout) {
        this.http = requireNonNull(http, "http is null");
        this.submitter = requireNonNull(submitter, "submitter is null");
        this.probeTimeout = requireNonNull(probeTimeout, "probeTimeout is null");
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.KUBERNETES_SESSION;
    }

    @Override
    public ClusterLocation locate(String restAddress, Map<String, String> settings) {
        if (restAddress != null && !restAddress.isBlank()) {
            throw new InvalidClusterException("restAddress", "Kubernetes sessions are found by their settings"
                    + " (kubeconfig, namespace, clusterId), not by a REST address");
        }
        KubernetesSettings.session(settings == null ? Map.of() : settings);
        return new ClusterLocation(Optional.empty(), settings == null ? Map.of() : settings);
    }

    @Override
    public ClusterConnection connect(ClusterDefinition cluster) {
        KubernetesEnvironment environment = new KubernetesEnvironment(cluster.id(),
                KubernetesSettings.session(cluster.settings()));
        KubernetesSessionTarget target = new KubernetesSessionTarget(cluster.id(), environment, submitter, http);
        return new TargetConnection(target, new KubernetesSessionProbe(target, environment, http, probeTimeout),
                target::close, environment::close);
    }
}
