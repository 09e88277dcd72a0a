package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.FlinkRestDiagnostics;
import io.tributary.job.deploy.ObservedJob;
import io.tributary.job.deploy.RestSessionCluster;
import io.tributary.job.runner.JobSpecWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.ClusterDeploymentException;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.deployment.application.ApplicationConfiguration;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.kubernetes.KubernetesClusterClientFactory;
import org.apache.flink.kubernetes.KubernetesClusterDescriptor;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.apache.flink.kubernetes.configuration.KubernetesDeploymentTarget;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.apps.Deployment;
import org.apache.flink.runtime.jobgraph.SavepointConfigOptions;
import org.apache.flink.util.FlinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes application mode: every deployment of a job is a Flink cluster of its own, deployed with {@link
 * KubernetesClusterDescriptor#deployApplicationCluster}. Its cluster-id is {@code tributary-<Flink job id>}, so it
 * is found again after a restart of Tributary from the stored Flink job id alone. The cluster runs Tributary's SQL
 * runner ({@link JobSpecWriter#RUNNER_MAIN_CLASS} in {@code local:///opt/flink/usrlib/}{@link
 * JobSpecWriter#RUNNER_JAR_NAME}, which the image must contain) with {@code --spec} pointing at the job's spec, which
 * Tributary puts into a Kubernetes Secret (it may hold catalog passwords) mounted with {@code kubernetes.secrets} —
 * never into program arguments. The Secret is owned by the cluster's Deployment, so Kubernetes deletes both
 * together; a failed deploy deletes both at once. The JobManager stays after the job ended (so that its final
 * state, root cause and savepoint can be read); Tributary deletes the cluster when it stopped or canceled the job,
 * when its watcher has seen the job ended on two polls in a row (see {@link KubernetesApplicationProbe}), and the
 * clusters of a job's earlier deployments when it deploys the job again.
 */
public final class KubernetesApplicationTarget implements DeploymentTarget {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesApplicationTarget.class);

    /** Where the image holds the runner's jar. */
    public static final String RUNNER_JAR_URI = "local:///opt/flink/usrlib/" + JobSpecWriter.RUNNER_JAR_NAME;
    /** Where the spec's Secret is mounted in the JobManager's container, and the file name in it. */
    public static final String SPEC_MOUNT = "/opt/tributary/spec";
    public static final String SPEC_FILE = "job-spec.json";
    /** Labels on every Deployment (and Secret) Tributary creates for a job. */
    public static final String CLUSTER_LABEL = "tributary.io/cluster";
    public static final String JOB_LABEL = "tributary.io/job";
    public static final String FLINK_JOB_LABEL = "tributary.io/flink-job-id";

    private final String clusterId;
    private final KubernetesEnvironment environment;
    private final JobSpecWriter specs;
    private final HttpClient http;
    private final Map<String, URI> addresses = new ConcurrentHashMap<>();
    private final Map<String, RestSessionCluster> clusters = new ConcurrentHashMap<>();

    public KubernetesApplicationTarget(String clusterId, KubernetesEnvironment environment, JobSpecWriter specs,
            HttpClient http) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.specs = requireNonNull(specs, "specs is null");
        this.http = requireNonNull(http, "http is null");
    }

    /** The Flink cluster-id (and Deployment name) of the cluster that runs the Flink job {@code flinkJobId}. */
    public static String flinkClusterId(String flinkJobId) {
        return "tributary-" + flinkJobId.toLowerCase(Locale.ROOT);
    }

    /** The name of the Secret that holds the spec of the Flink job {@code flinkJobId}. */
    public static String secretName(String flinkJobId) {
        return flinkClusterId(flinkJobId) + "-spec";
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public String kind() {
        return "kubernetes-application";
    }

    /** The API server: a place where clusters are created, not one cluster with a web UI. */
    @Override
    public URI webUi() {
        return URI.create(environment.apiServer());
    }

    /** The web UI of the job's own cluster; asks nothing (the REST service's in-cluster name until retrieved). */
    @Override
    public URI webUi(String flinkJobId) {
        URI known = addresses.get(flinkJobId);
        return known != null ? known
                : environment.inClusterRestAddress(flinkClusterId(flinkJobId));
    }

    @Override
    public void checkReachable() {
        environment.checkAccess();
    }

    @Override
    public String submit(JobVersion version, String jobName, String flinkJobId, Optional<String> restoreFrom) {
        String flinkClusterId = flinkClusterId(flinkJobId);
        if (environment.deployment(flinkClusterId).isPresent()) {
            return flinkJobId; // deployed before a restart of Tributary interrupted the deploy: found again
        }
        Map<String, String> labels = Map.of(CLUSTER_LABEL, clusterId, JOB_LABEL, jobLabel(version.jobId()),
                FLINK_JOB_LABEL, flinkJobId);
        String secret = secretName(flinkJobId);
        environment.deleteSecret(secret); // left by a deploy that a restart of Tributary interrupted, if any
        environment.createSecret(secret, labels, SPEC_FILE, specs.write(version));
        Configuration configuration = environment.configuration(flinkClusterId);
        configuration.set(DeploymentOptions.TARGET, KubernetesDeploymentTarget.APPLICATION.getName());
        configuration.set(PipelineOptions.JARS, List.of(RUNNER_JAR_URI));
        configuration.set(PipelineOptions.NAME, jobName);
        configuration.set(PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID, flinkJobId);
        configuration.set(KubernetesConfigOptions.KUBERNETES_SECRETS, Map.of(secret, SPEC_MOUNT));
        configuration.set(KubernetesConfigOptions.JOB_MANAGER_LABELS, labels);
        configuration.set(KubernetesConfigOptions.TASK_MANAGER_LABELS, labels);
        configuration.set(DeploymentOptions.SHUTDOWN_ON_APPLICATION_FINISH, false);
        restoreFrom.ifPresent(path -> configuration.set(SavepointConfigOptions.SAVEPOINT_PATH, path));
        ApplicationConfiguration application = new ApplicationConfiguration(
                new String[] {JobSpecWriter.SPEC_ARGUMENT, SPEC_MOUNT + "/" + SPEC_FILE},
                JobSpecWriter.RUNNER_MAIN_CLASS);
        ClusterSpecification specification = new KubernetesClusterClientFactory()
                .getClusterSpecification(configuration);
        try (KubernetesClusterDescriptor descriptor = environment.descriptor(configuration)) {
            try (ClusterClient<String> client = descriptor.deployApplicationCluster(specification, application)
                    .getClusterClient()) {
                addresses.put(flinkJobId, URI.create(client.getWebInterfaceURL()));
            }
            Deployment deployment = environment.deployment(flinkClusterId).orElseThrow(() -> new IllegalStateException(
                    "Flink reported the deploy, but the API server has no Deployment '" + flinkClusterId + "'"));
            environment.makeOwned(secret, deployment);
        } catch (ClusterDeploymentException | RuntimeException e) {
            undo(flinkJobId);
            throw new DeploymentException("Flink could not deploy the application cluster '" + flinkClusterId
                    + "' in namespace '" + environment.namespace() + "': "
                    + KubernetesSessionTarget.rootMessage(e), e);
        }
        removeEarlierClusters(version.jobId(), flinkJobId);
        return flinkJobId;
    }

    /**
     * The job as its own cluster reports it. A cluster whose Deployment is gone does not answer (the message says it
     * was deleted); one whose JobManager is not ready yet reports the job as INITIALIZING.
     */
    @Override
    public ObservedJob observe(String flinkJobId) {
        Deployment deployment = existing(flinkJobId);
        try {
            return rest(flinkJobId).observe(flinkJobId);
        } catch (ClusterUnavailableException e) {
            if (!KubernetesEnvironment.ready(deployment)) {
                return new ObservedJob(flinkJobId, Optional.of(JobStatus.INITIALIZING));
            }
            throw e;
        }
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String flinkJobId, String directory) {
        existing(flinkJobId);
        return rest(flinkJobId).stopWithSavepoint(flinkJobId, directory).thenApply(path -> {
            deleteClusterAfterItsJob(flinkJobId);
            return path;
        });
    }

    /**
     * Cancels the job through its JobManager, then deletes its cluster. A cluster whose JobManager never became
     * ready runs no job: it is deleted at once (e.g. an image that cannot be pulled).
     */
    @Override
    public void cancel(String flinkJobId, Duration timeout) {
        Optional<Deployment> deployment = environment.deployment(flinkClusterId(flinkJobId));
        if (deployment.isEmpty()) {
            return; // its cluster is gone: nothing runs
        }
        if (KubernetesEnvironment.ready(deployment.get())) {
            rest(flinkJobId).cancel(flinkJobId, timeout);
        }
        deleteClusterAfterItsJob(flinkJobId);
    }

    @Override
    public Optional<String> latestRetainedCheckpoint(String flinkJobId) {
        if (environment.deployment(flinkClusterId(flinkJobId)).isEmpty()) {
            return Optional.empty();
        }
        return rest(flinkJobId).latestRetainedCheckpoint(flinkJobId);
    }

    @Override
    public String whyUnknown(String flinkJobId) {
        String name = flinkClusterId(flinkJobId);
        try {
            return environment.deployment(name).isEmpty()
                    ? "the Kubernetes Deployment '" + name + "' of Flink job " + flinkJobId + " in namespace '"
                            + environment.namespace() + "' does not exist any more (deleted from outside Tributary?)"
                    : "the application cluster '" + name + "' does not answer for Flink job " + flinkJobId;
        } catch (RuntimeException e) {
            return "the application cluster '" + name + "' of Flink job " + flinkJobId + " cannot be checked: "
                    + e.getMessage();
        }
    }

    /** There is no one cluster to diagnose; see {@link #diagnostics(String)}. */
    @Override
    public FlinkRestDiagnostics diagnostics() {
        throw new IllegalStateException("a Kubernetes application cluster runs one job: ask diagnostics(flinkJobId)");
    }

    @Override
    public FlinkRestDiagnostics diagnostics(String flinkJobId) {
        return rest(flinkJobId).diagnostics();
    }

    /**
     * Deletes the job's cluster: Flink deletes its Deployment, Tributary its Services, ConfigMaps and Secret at once
     * (Kubernetes' garbage collector would, as the Deployment owns them, but later).
     */
    public void deleteCluster(String flinkJobId) {
        Configuration configuration = environment.configuration(flinkClusterId(flinkJobId));
        try (KubernetesClusterDescriptor descriptor = environment.descriptor(configuration)) {
            descriptor.killCluster(flinkClusterId(flinkJobId));
        } catch (FlinkException e) {
            throw new ClusterUnavailableException(clusterId, "Kubernetes API server " + environment.apiServer(), e);
        } finally {
            forget(flinkJobId);
        }
        environment.deleteLeftovers(flinkClusterId(flinkJobId));
        environment.deleteSecret(secretName(flinkJobId));
    }

    /** Deletes the cluster of a job that ended; the job's outcome stands even when the deletion fails. */
    void deleteClusterAfterItsJob(String flinkJobId) {
        try {
            deleteCluster(flinkJobId);
        } catch (RuntimeException e) {
            LOG.warn("The Flink job {} ended, but its application cluster '{}' could not be deleted (delete it with"
                    + " kubectl): {}", flinkJobId, flinkClusterId(flinkJobId), e.getMessage());
        }
    }

    private void undo(String flinkJobId) {
        try {
            if (environment.deployment(flinkClusterId(flinkJobId)).isPresent()) {
                deleteCluster(flinkJobId);
            }
        } catch (RuntimeException e) {
            // the Secret below is still deleted; the message of the deploy's failure is what the user needs
        } finally {
            forget(flinkJobId);
            environment.deleteLeftovers(flinkClusterId(flinkJobId));
            environment.deleteSecret(secretName(flinkJobId));
        }
    }

    /** The clusters of the job's earlier deployments (ended: only a job that is not active is deployed). */
    private void removeEarlierClusters(String jobId, String current) {
        for (Deployment earlier : applicationClusters()) {
            Map<String, String> labels = podLabels(earlier);
            String flinkJobId = labels.get(FLINK_JOB_LABEL);
            if (jobLabel(jobId).equals(labels.get(JOB_LABEL)) && flinkJobId != null && !flinkJobId.equals(current)) {
                deleteCluster(flinkJobId);
            }
        }
    }

    /**
     * The Deployments of this registered cluster's application clusters, in one request: Flink's native Deployments
     * of the namespace whose pods carry this cluster's label.
     */
    List<Deployment> applicationClusters() {
        return environment.deployments(Map.of("type", "flink-native-kubernetes")).stream()
                .filter(deployment -> clusterId.equals(podLabels(deployment).get(CLUSTER_LABEL)))
                .toList();
    }

    /** The labels of a Deployment's pods (where Flink puts {@code kubernetes.jobmanager.labels}). */
    static Map<String, String> podLabels(Deployment deployment) {
        if (deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
                || deployment.getSpec().getTemplate().getMetadata() == null
                || deployment.getSpec().getTemplate().getMetadata().getLabels() == null) {
            return Map.of();
        }
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private Deployment existing(String flinkJobId) {
        return environment.deployment(flinkClusterId(flinkJobId)).orElseThrow(() -> new ClusterUnavailableException(
                clusterId, "Kubernetes namespace '" + environment.namespace() + "'", new IllegalStateException(
                        "the Deployment '" + flinkClusterId(flinkJobId) + "' of Flink job " + flinkJobId
                                + " does not exist any more (deleted from outside Tributary?)")));
    }

    /** The REST address of the job's cluster: the one Flink's descriptor gives for its REST service. */
    URI restAddress(String flinkJobId) {
        URI known = addresses.get(flinkJobId);
        if (known != null) {
            return known;
        }
        String flinkClusterId = flinkClusterId(flinkJobId);
        try (KubernetesClusterDescriptor descriptor = environment.descriptor(
                environment.configuration(flinkClusterId));
                ClusterClient<String> client = descriptor.retrieve(flinkClusterId).getClusterClient()) {
            URI address = URI.create(client.getWebInterfaceURL());
            addresses.put(flinkJobId, address);
            return address;
        } catch (RuntimeException e) {
            throw new ClusterUnavailableException(clusterId, "application cluster '" + flinkClusterId + "'", e);
        }
    }

    /** Flink's REST client of the job's cluster, opened on first use (its address must resolve by then). */
    RestSessionCluster rest(String flinkJobId) {
        RestSessionCluster known = clusters.get(flinkJobId);
        if (known != null) {
            return known;
        }
        URI address = restAddress(flinkJobId);
        try {
            return clusters.computeIfAbsent(flinkJobId, id -> new RestSessionCluster(clusterId, address, http));
        } catch (IllegalStateException e) {
            throw new ClusterUnavailableException(clusterId, address.toString(), e);
        }
    }

    private void forget(String flinkJobId) {
        addresses.remove(flinkJobId);
        Optional.ofNullable(clusters.remove(flinkJobId)).ifPresent(RestSessionCluster::close);
    }

    void close() {
        clusters.values().forEach(RestSessionCluster::close);
        clusters.clear();
    }

    /** A label value for a job id (a UUID fits; anything else is hashed to fit a label's 63 characters). */
    static String jobLabel(String jobId) {
        if (jobId.matches("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")) {
            return jobId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jobId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
