package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterProbe;
import io.tributary.cluster.ClusterProbeException;
import io.tributary.cluster.ClusterResources;
import io.tributary.cluster.FlinkJobSummary;
import io.tributary.cluster.FlinkRestProbe;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * How the watcher asks a Kubernetes session: first the API server whether the session's Deployment still exists
 * (one request: a session deleted from outside is a failed poll that says so), then the session's REST service
 * ({@code /jobs/overview}, {@code /overview}).
 */
final class KubernetesSessionProbe implements ClusterProbe {

    private final KubernetesSessionTarget session;
    private final KubernetesEnvironment environment;
    private final HttpClient http;
    private final Duration timeout;

    KubernetesSessionProbe(KubernetesSessionTarget session, KubernetesEnvironment environment, HttpClient http,
            Duration timeout) {
        this.session = requireNonNull(session, "session is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.http = requireNonNull(http, "http is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public List<FlinkJobSummary> jobs() {
        Deployment deployment = existing();
        try {
            return rest().jobs();
        } catch (ClusterProbeException e) {
            if (!KubernetesEnvironment.ready(deployment)) {
                throw new ClusterProbeException("the session's Deployment '" + session.flinkClusterId() + "' in"
                        + " namespace '" + environment.namespace() + "' has no ready JobManager yet ("
                        + e.getMessage() + ")");
            }
            throw e;
        }
    }

    @Override
    public ClusterResources resources() {
        return rest().resources();
    }

    private Deployment existing() {
        try {
            return session.deployment().orElseThrow(() -> new ClusterProbeException("the session's Deployment '"
                    + session.flinkClusterId() + "' does not exist in namespace '" + environment.namespace()
                    + "' any more (deleted from outside Tributary?)"));
        } catch (RuntimeException e) {
            if (e instanceof ClusterProbeException probe) {
                throw probe;
            }
            throw new ClusterProbeException("Kubernetes API server " + environment.apiServer() + ": "
                    + e.getMessage());
        }
    }

    private FlinkRestProbe rest() {
        try {
            return new FlinkRestProbe(session.restAddress(), http, timeout);
        } catch (RuntimeException e) {
            throw new ClusterProbeException(e.getMessage());
        }
    }
}
