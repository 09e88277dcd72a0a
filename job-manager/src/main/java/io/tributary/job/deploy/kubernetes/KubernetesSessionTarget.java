package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.deploy.RestSessionCluster;
import io.tributary.job.deploy.SessionClusterTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.client.deployment.ClusterDeploymentException;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.kubernetes.KubernetesClusterClientFactory;
import org.apache.flink.kubernetes.KubernetesClusterDescriptor;
import org.apache.flink.kubernetes.configuration.KubernetesDeploymentTarget;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A Flink session cluster on Kubernetes, known by its cluster-id (the name of its Deployment). With {@code
 * deploy=true} Tributary deploys it when it is missing ({@link KubernetesClusterDescriptor#deploySessionCluster});
 * otherwise it attaches to the one that runs. Jobs are submitted through a gateway session with {@code
 * execution.target=kubernetes-session} (Flink's own Kubernetes session executor, which finds the cluster by its
 * cluster-id); they are observed, stopped and canceled through the session's REST service, whose address Flink's
 * {@link KubernetesClusterDescriptor#retrieve} gives.
 */
public final class KubernetesSessionTarget extends SessionClusterTarget {

    private final String clusterId;
    private final String flinkClusterId;
    private final KubernetesEnvironment environment;
    private final GatewayJobSubmitter submitter;
    private final HttpClient http;
    private volatile URI address;
    /** Whether this connection has seen the session's Deployment exist (or deployed it). */
    private volatile boolean seen;
    private RestSessionCluster rest;

    public KubernetesSessionTarget(String clusterId, KubernetesEnvironment environment, GatewayJobSubmitter submitter,
            HttpClient http) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.flinkClusterId = environment.settings().clusterId().orElseThrow(
                () -> new IllegalArgumentException("a Kubernetes session needs a clusterId"));
        this.submitter = requireNonNull(submitter, "submitter is null");
        this.http = requireNonNull(http, "http is null");
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public String kind() {
        return "kubernetes-session";
    }

    /** The session's Flink cluster-id: the name of its Deployment. */
    public String flinkClusterId() {
        return flinkClusterId;
    }

    /** The session's REST address once known, else its REST service's in-cluster name (asks nothing). */
    @Override
    public URI webUi() {
        URI known = address;
        return known != null ? known : environment.inClusterRestAddress(flinkClusterId);
    }

    /**
     * Checks that the API server answers, that the namespace may be used, and that the session's Deployment exists.
     * With {@code deploy=true} a session this connection has not seen yet is deployed first (at registration, or
     * after a restart of Tributary); one that was seen and then deleted from outside is not silently deployed
     * again: the check fails and says so.
     */
    @Override
    public void checkReachable() {
        environment.checkAccess();
        if (environment.deployment(flinkClusterId).isPresent()) {
            seen = true;
            return;
        }
        if (seen) {
            throw new ClusterUnavailableException(clusterId, "Kubernetes namespace '" + environment.namespace() + "'",
                    new IllegalStateException("the session's Deployment '" + flinkClusterId + "' does not exist any"
                            + " more (deleted from outside Tributary?); register the cluster again to redeploy it"));
        }
        if (!environment.settings().deploy()) {
            throw new ClusterUnavailableException(clusterId, "Kubernetes namespace '" + environment.namespace() + "'",
                    new IllegalStateException("no Deployment '" + flinkClusterId + "' exists there (no Flink session"
                            + " with that clusterId; set deploy=true to let Tributary deploy it)"));
        }
        deploySession();
        seen = true;
    }

    /** Deploys the session with Flink's descriptor; on failure Flink deletes what it created. */
    private synchronized void deploySession() {
        Configuration configuration = environment.configuration(flinkClusterId);
        configuration.set(DeploymentOptions.TARGET, KubernetesDeploymentTarget.SESSION.getName());
        ClusterSpecification specification = new KubernetesClusterClientFactory()
                .getClusterSpecification(configuration);
        try (KubernetesClusterDescriptor descriptor = environment.descriptor(configuration);
                ClusterClient<String> client = descriptor.deploySessionCluster(specification).getClusterClient()) {
            address = URI.create(client.getWebInterfaceURL());
        } catch (ClusterDeploymentException e) {
            environment.deleteLeftovers(flinkClusterId); // Flink deleted the Deployment; its owned objects at once
            throw new DeploymentException("Flink could not deploy the Kubernetes session '" + flinkClusterId
                    + "' in namespace '" + environment.namespace() + "': " + rootMessage(e), e);
        }
    }

    @Override
    public String submit(JobVersion version, String jobName, String flinkJobId, Optional<String> restoreFrom) {
        Configuration configuration = environment.configuration(flinkClusterId);
        configuration.set(DeploymentOptions.TARGET, KubernetesDeploymentTarget.SESSION.getName());
        Map<String, String> options = new LinkedHashMap<>(configuration.toMap());
        options.remove("$internal.deployment.config-dir");
        return submitter.submit(version, jobName, flinkJobId, options, restoreFrom);
    }

    /** The session's REST address: the one Flink's descriptor gives for its REST service (asked once). */
    public URI restAddress() {
        URI known = address;
        if (known == null) {
            Configuration configuration = environment.configuration(flinkClusterId);
            try (KubernetesClusterDescriptor descriptor = environment.descriptor(configuration);
                    ClusterClient<String> client = descriptor.retrieve(flinkClusterId).getClusterClient()) {
                known = URI.create(client.getWebInterfaceURL());
            } catch (RuntimeException e) {
                throw new ClusterUnavailableException(clusterId, "Kubernetes session '" + flinkClusterId
                        + "' in namespace '" + environment.namespace() + "'", e);
            }
            address = known;
        }
        return known;
    }

    /** Whether the session's Deployment exists now, and whether it is ready. */
    Optional<Deployment> deployment() {
        return environment.deployment(flinkClusterId);
    }

    /** Flink's REST client of the session, opened on first use (its address must resolve by then). */
    @Override
    protected synchronized RestSessionCluster session() {
        if (rest == null) {
            URI at = restAddress();
            try {
                rest = new RestSessionCluster(clusterId, at, http);
            } catch (IllegalStateException e) {
                throw new ClusterUnavailableException(clusterId, at.toString(), e);
            }
        }
        return rest;
    }

    synchronized void close() {
        if (rest != null) {
            rest.close();
            rest = null;
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
