package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.InvalidClusterException;
import io.tributary.job.deploy.ClusterUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptionsInternal;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.kubernetes.KubernetesClusterClientFactory;
import org.apache.flink.kubernetes.KubernetesClusterDescriptor;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.apache.flink.kubernetes.kubeclient.FlinkKubeClientFactory;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.Secret;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.SecretBuilder;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.apps.Deployment;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.KubernetesClientException;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.client.NamespacedKubernetesClient;

/**
 * One registered Kubernetes cluster's namespace as Flink's Kubernetes client sees it: the Flink configuration its
 * clusters start from, a {@link KubernetesClusterDescriptor} per Flink cluster, and the few API requests Tributary
 * makes itself (is the namespace usable, does a Deployment exist, the job spec's Secret) through the fabric8 client
 * Flink's {@link FlinkKubeClientFactory} builds from the same configuration. Opening one makes no request.
 */
public final class KubernetesEnvironment implements AutoCloseable {

    private static final String LOG_CONFIG = "log4j-console.properties";

    private final String clusterId;
    private final KubernetesSettings settings;
    private final Path confDir;
    private final NamespacedKubernetesClient client;

    /**
     * @param clusterId the registered cluster's id (for messages)
     */
    public KubernetesEnvironment(String clusterId, KubernetesSettings settings) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.confDir = writeConfDir();
        try {
            this.client = FlinkKubeClientFactory.getInstance().createFabric8ioKubernetesClient(base());
        } catch (RuntimeException e) {
            deleteConfDir();
            throw new InvalidClusterException("kubeconfig", "Flink's Kubernetes client cannot use "
                    + settings.kubeconfig().map(Path::toString).orElse("the default kubeconfig") + ": "
                    + e.getMessage());
        }
    }

    public KubernetesSettings settings() {
        return settings;
    }

    public String namespace() {
        return settings.namespace();
    }

    /** The API server's URL, as the kubeconfig names it. */
    public String apiServer() {
        return client.getMasterUrl().toString();
    }

    /**
     * Checks that the API server answers and that the kubeconfig's user may work with Deployments in the namespace
     * (one request): unreachable is a {@link ClusterUnavailableException}, no rights an {@link
     * InvalidClusterException} naming {@code namespace} (or {@code kubeconfig} when the credentials are refused).
     */
    public void checkAccess() {
        try {
            client.apps().deployments().inNamespace(namespace())
                    .list(new ListOptionsBuilder().withLimit(1L).build());
        } catch (KubernetesClientException e) {
            throw translate(e, "list Deployments");
        }
    }

    /** The Deployment of the Flink cluster {@code flinkClusterId} (Flink names it after the cluster-id). */
    public Optional<Deployment> deployment(String flinkClusterId) {
        try {
            return Optional.ofNullable(client.apps().deployments().inNamespace(namespace())
                    .withName(flinkClusterId).get());
        } catch (KubernetesClientException e) {
            throw translate(e, "read Deployment " + flinkClusterId);
        }
    }

    /** The Deployments of the namespace that carry all these labels, in one request. */
    public List<Deployment> deployments(Map<String, String> labels) {
        try {
            return client.apps().deployments().inNamespace(namespace()).withLabels(labels).list().getItems();
        } catch (KubernetesClientException e) {
            throw translate(e, "list Deployments");
        }
    }

    /**
     * The REST address of a Flink cluster's REST service by Flink's naming ({@code <cluster-id>-rest.<namespace>},
     * the ClusterIP default), known without a request: what the web UI link shows until Flink's descriptor was asked.
     */
    URI inClusterRestAddress(String flinkClusterId) {
        int port = configuration(flinkClusterId).get(RestOptions.PORT);
        return URI.create("http://" + flinkClusterId + "-rest." + namespace() + ":" + port);
    }

    /**
     * Deletes what Flink created for a cluster besides its Deployment (its Services and ConfigMaps, by Flink's labels):
     * Kubernetes' garbage collector would delete them with the Deployment they are owned by, but later; after a
     * failed deploy nothing is left at once.
     */
    public void deleteLeftovers(String flinkClusterId) {
        Map<String, String> labels = Map.of("app", flinkClusterId, "type", "flink-native-kubernetes");
        try {
            client.services().inNamespace(namespace()).withLabels(labels).delete();
            client.configMaps().inNamespace(namespace()).withLabels(labels).delete();
        } catch (KubernetesClientException e) {
            throw translate(e, "delete the Services and ConfigMaps of " + flinkClusterId);
        }
    }

    /** Whether a Deployment has as many ready replicas as it wants. */
    public static boolean ready(Deployment deployment) {
        Integer wanted = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        return ready != null && ready >= (wanted == null ? 1 : wanted);
    }

    /** Creates a Secret holding {@code data} under {@code key}, with the labels given. */
    public void createSecret(String name, Map<String, String> labels, String key, byte[] data) {
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace()).withLabels(labels).endMetadata()
                .withType("Opaque")
                .addToData(key, Base64.getEncoder().encodeToString(data))
                .build();
        try {
            client.secrets().inNamespace(namespace()).resource(secret).create();
        } catch (KubernetesClientException e) {
            throw translate(e, "create Secret " + name);
        }
    }

    /** Makes the Secret {@code name} owned by {@code owner}: Kubernetes deletes it with the Deployment. */
    public void makeOwned(String name, Deployment owner) {
        try {
            client.secrets().inNamespace(namespace()).withName(name).edit(secret -> {
                secret.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withApiVersion(owner.getApiVersion())
                        .withKind(owner.getKind())
                        .withName(owner.getMetadata().getName())
                        .withUid(owner.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build()));
                return secret;
            });
        } catch (KubernetesClientException e) {
            throw translate(e, "set the owner of Secret " + name);
        }
    }

    /** Deletes a Secret, if it exists. */
    public void deleteSecret(String name) {
        try {
            client.secrets().inNamespace(namespace()).withName(name).delete();
        } catch (KubernetesClientException e) {
            throw translate(e, "delete Secret " + name);
        }
    }

    /** The Flink configuration of the Flink cluster {@code flinkClusterId}: the settings, its id, the log config. */
    public Configuration configuration(String flinkClusterId) {
        Configuration configuration = base();
        configuration.set(KubernetesConfigOptions.CLUSTER_ID, flinkClusterId);
        return configuration;
    }

    /** Flink's descriptor for the cluster the configuration names; the caller closes it. */
    public KubernetesClusterDescriptor descriptor(Configuration configuration) {
        return new KubernetesClusterClientFactory().createClusterDescriptor(configuration);
    }

    private Configuration base() {
        Configuration configuration = settings.toFlinkConfiguration();
        // Flink puts the log configuration it finds in this directory into the cluster's ConfigMap.
        configuration.set(DeploymentOptionsInternal.CONF_DIR, confDir.toString());
        return configuration;
    }

    /** An API failure as the user's mistake (rights, credentials) or an unreachable API server. */
    RuntimeException translate(KubernetesClientException e, String action) {
        int code = e.getCode();
        if (code == 403) {
            return new InvalidClusterException("namespace", "the kubeconfig's user may not " + action
                    + " in namespace '" + namespace() + "' (403 Forbidden from " + apiServer() + "): grant it a Role"
                    + " that allows Deployments, Services, ConfigMaps, Secrets and Pods there, or choose another"
                    + " namespace");
        }
        if (code == 401) {
            return new InvalidClusterException("kubeconfig", "the API server " + apiServer() + " refused the"
                    + " credentials of " + settings.kubeconfig().map(Path::toString).orElse("the default kubeconfig")
                    + " (401 Unauthorized)");
        }
        if (code == 404) {
            return new InvalidClusterException("namespace", "the API server " + apiServer() + " could not " + action
                    + ": not found (does namespace '" + namespace() + "' exist?)");
        }
        if (code <= 0 || code >= 500 || e.getCause() instanceof IOException) {
            return new ClusterUnavailableException(clusterId, "Kubernetes API server " + apiServer(), e);
        }
        return new IllegalStateException("Kubernetes API server " + apiServer() + " could not " + action + ": "
                + code + " " + e.getMessage(), e);
    }

    private static Path writeConfDir() {
        try {
            Path dir = Files.createTempDirectory("tributary-k8s-conf");
            try (InputStream log = KubernetesEnvironment.class.getResourceAsStream(LOG_CONFIG)) {
                Files.copy(requireNonNull(log, LOG_CONFIG + " is missing"), dir.resolve(LOG_CONFIG));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Flink configuration directory", e);
        }
    }

    private void deleteConfDir() {
        try (Stream<Path> files = Files.walk(confDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: nothing else depends on it
        }
    }

    @Override
    public void close() {
        client.close();
        deleteConfDir();
    }
}
