package io.tributary.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentListBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.tributary.event.WatchEvents;
import io.tributary.job.JobSchema;
import io.tributary.job.JobState;
import io.tributary.job.JobTransition;
import io.tributary.job.JobVersion;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.deploy.RestorePoint;
import io.tributary.job.deploy.kubernetes.KubernetesApplicationConnector;
import io.tributary.job.deploy.kubernetes.KubernetesApplicationTarget;
import io.tributary.job.deploy.kubernetes.testing.KubernetesApiStandIn;
import io.tributary.job.lifecycle.JobDeployer;
import io.tributary.job.lifecycle.JobReconciler;
import io.tributary.job.runner.JobSpecWriter;
import io.tributary.metadata.MetadataSchema;
import io.tributary.metadata.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes application mode end to end inside Tributary — registry, deployer, watcher, reconciler on a real
 * metadata database — against a STAND-IN for the Kubernetes API server: fabric8's mock server in CRUD mode
 * ({@link KubernetesApiStandIn}), because no Kubernetes API server can run on this machine. The stand-in stores
 * what Flink's {@code KubernetesClusterDescriptor} and Tributary create, but runs no pod: no JobManager ever
 * starts, so these tests check what each deploy creates and what Tributary reports (a job whose JobManager is not
 * ready yet, a job whose Deployment was deleted), never a running Flink job.
 */
class KubernetesApplicationClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "registry.example.com/tributary-flink:1.20.0";

    private static KubernetesApiStandIn kubernetes;
    private static NamespacedKubernetesClient outside;

    private TestDatabase database;
    private ManagedJobRepository jobs;
    private JobVersionRepository versions;
    private ClusterRegistry registry;
    private JobDeployer deployer;
    private ClusterWatcher watcher;

    @BeforeAll
    static void startStandIn() {
        kubernetes = KubernetesApiStandIn.crud();
        outside = kubernetes.client();
    }

    @AfterAll
    static void stopStandIn() {
        outside.close();
        kubernetes.close();
    }

    @BeforeEach
    void open() {
        database = TestDatabase.h2().migrate(List.of(MetadataSchema.CATALOG_SERVICE, JobSchema.SCHEMA));
        WatchEvents events = new WatchEvents();
        versions = new JobVersionRepository(database.dsl());
        jobs = new ManagedJobRepository(database.dsl(), versions, Clock.systemUTC(), events);
        ClusterDefinition embedded = new ClusterDefinition("embedded", "embedded", ClusterKind.EMBEDDED,
                Optional.of(URI.create("http://127.0.0.1:8081")), Map.of(), "tributary", Instant.now());
        registry = new ClusterRegistry(new ClusterRepository(database.dsl()), jobs, embedded,
                new FakeCluster("embedded"), List.of(new KubernetesApplicationConnector(HttpClient.newHttpClient(),
                        new VersionFieldsSpec(), Duration.ofSeconds(2))), Clock.systemUTC());
        deployer = new JobDeployer(jobs, versions, registry);
        JobReconciler reconciler = new JobReconciler(jobs, registry, deployer);
        watcher = new ClusterWatcher(registry, jobs, new ClusterJobQueries(database.dsl()), reconciler,
                new ClusterHealthRepository(database.dsl(), events),
                new ClusterWatchSettings(Duration.ofSeconds(2), 4, 5, 3, Duration.ofSeconds(30),
                        Duration.ofSeconds(3), 2), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        watcher.close();
        registry.close();
        database.close();
    }

    /**
     * Against the stand-in API server (no real one can run here): a deploy creates the Deployment (image, args,
     * resources, service account, labels), the internal and REST Services and the ConfigMap (Flink configuration
     * with the runner's main class, jar and arguments, and the log configuration), all owned by the Deployment, and
     * the Secret holding the job's spec, mounted into the JobManager and owned by the Deployment too.
     */
    @Test
    void aDeployCreatesTheApplicationClusterWithTheSpecInAnOwnedSecret() throws Exception {
        ClusterDefinition place = registry.register("k8s-apps", "kubernetes-application", null,
                settings("apps", Map.of("flink.taskmanager.numberOfTaskSlots", "3")), "alice");
        ManagedJob job = createJob("orders", place.id());

        ManagedJob deployed = deployer.deploy(job.id(), RestorePoint.empty(), "alice");

        assertThat(deployed.state()).as("submitted: Flink accepted the deploy").isEqualTo(JobState.RUNNING);
        String flinkJobId = deployed.flinkJobId().orElseThrow();
        String clusterId = KubernetesApplicationTarget.flinkClusterId(flinkJobId);
        assertThat(clusterId).matches("[a-z][-a-z0-9]{0,44}");

        Deployment deployment = outside.apps().deployments().inNamespace("apps").withName(clusterId).get();
        assertThat(deployment).isNotNull();
        assertThat(deployment.getMetadata().getLabels())
                .containsEntry("app", clusterId).containsEntry("type", "flink-native-kubernetes");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("component", "jobmanager")
                .containsEntry(KubernetesApplicationTarget.CLUSTER_LABEL, place.id())
                .containsEntry(KubernetesApplicationTarget.FLINK_JOB_LABEL, flinkJobId);
        assertThat(pod.getServiceAccountName()).isEqualTo("flink-runner");
        Container jobManager = pod.getContainers().get(0);
        assertThat(jobManager.getImage()).isEqualTo(IMAGE);
        assertThat(String.join(" ", jobManager.getArgs())).contains("kubernetes-application");
        assertThat(jobManager.getResources().getRequests().get("cpu").getAmount()).isEqualTo("0.5");
        assertThat(jobManager.getResources().getRequests().get("memory").toString()).isEqualTo("1600Mi");
        Volume specVolume = pod.getVolumes().stream()
                .filter(volume -> volume.getSecret() != null
                        && volume.getSecret().getSecretName().equals(clusterId + "-spec"))
                .findFirst().orElseThrow();
        assertThat(jobManager.getVolumeMounts())
                .anySatisfy(mount -> {
                    assertThat(mount.getName()).isEqualTo(specVolume.getName());
                    assertThat(mount.getMountPath()).isEqualTo(KubernetesApplicationTarget.SPEC_MOUNT);
                });

        assertThat(outside.services().inNamespace("apps").withName(clusterId).get()).as("internal service")
                .isNotNull();
        assertThat(outside.services().inNamespace("apps").withName(clusterId + "-rest").get()).as("REST service")
                .isNotNull();
        ConfigMap config = outside.configMaps().inNamespace("apps").withName("flink-config-" + clusterId).get();
        assertThat(config.getData()).containsKey("log4j-console.properties");
        String flinkConf = config.getData().get("config.yaml");
        assertThat(flinkConf)
                .contains("io.tributary.runner.SqlJobRunner")
                .contains(KubernetesApplicationTarget.RUNNER_JAR_URI)
                .contains("--spec")
                .contains(KubernetesApplicationTarget.SPEC_MOUNT + "/" + KubernetesApplicationTarget.SPEC_FILE)
                .contains(flinkJobId)
                .contains("numberOfTaskSlots: '3'")
                .contains("shutdown-on-application-finish: false")
                .doesNotContain("INSERT INTO");
        for (HasMetadata owned : List.of(config,
                outside.services().inNamespace("apps").withName(clusterId + "-rest").get())) {
            assertThat(owned.getMetadata().getOwnerReferences()).extracting(OwnerReference::getUid)
                    .containsExactly(deployment.getMetadata().getUid());
        }

        Secret spec = outside.secrets().inNamespace("apps").withName(clusterId + "-spec").get();
        String stored = new String(Base64.getDecoder().decode(spec.getData()
                .get(KubernetesApplicationTarget.SPEC_FILE)), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(stored).path("statement").asText()).isEqualTo("INSERT INTO sink SELECT * FROM src");
        assertThat(JSON.readTree(stored).path("options").path("pipeline.secret-ish").asText()).isEqualTo("s3cr3t");
        assertThat(spec.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getKind()).isEqualTo("Deployment");
            assertThat(owner.getUid()).isEqualTo(deployment.getMetadata().getUid());
        });
    }

    /**
     * Against the stand-in API server (no real one can run here): while the JobManager is not ready the job stays
     * RUNNING (submitted) and the watcher lists it as INITIALIZING; when its Deployment is deleted from outside, the
     * next poll marks the job LOST and says why. A new server (a fresh registry) finds the cluster again by its
     * cluster-id, derived from the stored Flink job id alone.
     */
    @Test
    void aDeploymentDeletedFromOutsideMakesTheJobLostAndSaysSo() {
        ClusterDefinition place = registry.register("k8s-lost", "kubernetes-application", null,
                settings("lost", Map.of()), "alice");
        ManagedJob job = deployer.deploy(createJob("clicks", place.id()).id(), RestorePoint.empty(), "alice");
        String flinkJobId = job.flinkJobId().orElseThrow();

        watcher.pollAll().join();
        assertThat(jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        assertThat(watcher.status(place.id()).orElseThrow().jobs()).singleElement().satisfies(seen -> {
            assertThat(seen.flink().flinkJobId()).isEqualTo(flinkJobId);
            assertThat(seen.flink().state()).isEqualTo("INITIALIZING");
            assertThat(seen.managed()).isPresent();
        });

        try (ClusterRegistry afterRestart = new ClusterRegistry(new ClusterRepository(database.dsl()), jobs,
                registry.embedded(), new FakeCluster("embedded"), List.of(new KubernetesApplicationConnector(
                        HttpClient.newHttpClient(), new VersionFieldsSpec(), Duration.ofSeconds(2))),
                Clock.systemUTC())) {
            assertThat(afterRestart.target(place.id()).orElseThrow().observe(flinkJobId).status())
                    .as("re-attached by its deterministic cluster-id").hasValue(
                            JobStatus.INITIALIZING);
        }

        outside.apps().deployments().inNamespace("lost")
                .withName(KubernetesApplicationTarget.flinkClusterId(flinkJobId)).delete();
        watcher.pollAll().join();

        ManagedJob lost = jobs.find(job.id()).orElseThrow();
        assertThat(lost.state()).isEqualTo(JobState.LOST);
        assertThat(lost.lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("Deployment '" + KubernetesApplicationTarget.flinkClusterId(flinkJobId) + "'")
                .contains("does not exist any more"));
        assertThat(jobs.transitions(job.id())).extracting(JobTransition::to).last().isEqualTo(JobState.LOST);
    }

    /**
     * Against the stand-in API server (no real one can run here): a deploy that Flink cannot complete (a pod template
     * that is no pod) fails the job with Flink's reason and leaves nothing behind — no Deployment, Service,
     * ConfigMap or Secret. Deploying a job again (here after it failed) removes the cluster of its previous
     * deployment; canceling a job whose JobManager never became ready deletes its cluster and Secret.
     */
    @Test
    void aFailedDeployLeavesNothingAndARedeployReplacesTheEarlierCluster() throws IOException {
        Path notAPod = Files.createTempFile("not-a-pod", ".yaml");
        Files.writeString(notAPod, "apiVersion: v1\nkind: Pod\nspec: [not, a, pod, spec\n");
        ClusterDefinition broken = registry.register("k8s-broken", "kubernetes-application", null,
                settings("broken", Map.of("podTemplate", notAPod.toString())), "alice");
        ManagedJob failing = createJob("broken", broken.id());

        assertThatThrownBy(() -> deployer.deploy(failing.id(), RestorePoint.empty(), "alice"))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("could not deploy the application cluster");
        ManagedJob failed = jobs.find(failing.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(outside.apps().deployments().inNamespace("broken").list().getItems()).isEmpty();
        assertThat(outside.services().inNamespace("broken").list().getItems()).isEmpty();
        assertThat(outside.configMaps().inNamespace("broken").list().getItems()).isEmpty();
        assertThat(outside.secrets().inNamespace("broken").list().getItems()).isEmpty();

        ClusterDefinition place = registry.register("k8s-redeploy", "kubernetes-application", null,
                settings("redeploy", Map.of()), "alice");
        ManagedJob job = deployer.deploy(createJob("sessions", place.id()).id(), RestorePoint.empty(), "alice");
        String first = job.flinkJobId().orElseThrow();
        jobs.applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.FAILED, "tributary", "the job failed"));

        String second = deployer.deploy(job.id(), RestorePoint.empty(), "alice").flinkJobId().orElseThrow();

        assertThat(second).isNotEqualTo(first);
        assertThat(outside.apps().deployments().inNamespace("redeploy").list().getItems())
                .extracting(deployment -> deployment.getMetadata().getName())
                .containsExactly(KubernetesApplicationTarget.flinkClusterId(second));
        assertThat(outside.secrets().inNamespace("redeploy").list().getItems())
                .extracting(secret -> secret.getMetadata().getName())
                .containsExactly(KubernetesApplicationTarget.secretName(second));
        assertThat(outside.services().inNamespace("redeploy").list().getItems())
                .extracting(service -> service.getMetadata().getName())
                .allMatch(name -> name.startsWith(KubernetesApplicationTarget.flinkClusterId(second)));

        registry.target(place.id()).orElseThrow().cancel(second, Duration.ofSeconds(5));
        assertThat(outside.apps().deployments().inNamespace("redeploy").list().getItems())
                .as("a JobManager that never became ready runs no job: canceling deletes its cluster").isEmpty();
        assertThat(outside.secrets().inNamespace("redeploy").list().getItems()).isEmpty();
        assertThat(outside.configMaps().inNamespace("redeploy").list().getItems()).isEmpty();
    }

    /**
     * Against a stand-in API server in expectation mode (no real one can run here; CRUD mode knows no rights): the
     * kubeconfig's user may list Deployments in the namespace but not create Secrets there. The deploy fails with an
     * error naming {@code namespace}, the job is FAILED with that reason, and nothing was created.
     */
    @Test
    void aNamespaceWithoutRightsForSecretsFailsTheDeployNamingTheNamespace() throws InterruptedException {
        try (KubernetesApiStandIn partial = KubernetesApiStandIn.expectations()) {
            partial.server().expect().get().withPath("/apis/apps/v1/namespaces/partial/deployments?limit=1")
                    .andReturn(200, new DeploymentListBuilder().build()).always();
            partial.server().expect().post().withPath("/api/v1/namespaces/partial/secrets")
                    .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(
                            "secrets is forbidden: User \"tester\" cannot create resource \"secrets\"").build())
                    .always();
            Map<String, String> settings = settings("partial", Map.of());
            settings.put("kubeconfig", partial.kubeconfig().toString());
            ClusterDefinition place = registry.register("k8s-partial", "kubernetes-application", null, settings,
                    "alice");
            ManagedJob job = createJob("no-secrets", place.id());

            assertThatThrownBy(() -> deployer.deploy(job.id(), RestorePoint.empty(), "alice"))
                    .isInstanceOf(InvalidClusterException.class)
                    .hasMessageContaining("namespace: the kubeconfig's user may not create Secret")
                    .hasMessageContaining("in namespace 'partial' (403 Forbidden");
            ManagedJob failed = jobs.find(job.id()).orElseThrow();
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.lastError()).hasValueSatisfying(error -> assertThat(error).contains("403 Forbidden"));
            RecordedRequest last = partial.server().getLastRequest();
            assertThat(last.getMethod() + " " + last.getPath()).as("nothing was tried after the refused Secret")
                    .isEqualTo("POST /api/v1/namespaces/partial/secrets");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private Map<String, String> settings(String namespace, Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kubeconfig", kubernetes.kubeconfig().toString());
        settings.put("namespace", namespace);
        settings.put("image", IMAGE);
        settings.put("serviceAccount", "flink-runner");
        settings.put("jobManagerCpu", "0.5");
        settings.put("jobManagerMemory", "1600m");
        settings.put("taskManagerCpu", "1");
        settings.put("taskManagerMemory", "2g");
        settings.putAll(more);
        return settings;
    }

    private ManagedJob createJob(String name, String clusterId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ManagedJob job = new ManagedJob(UUID.randomUUID().toString(), name, clusterId, JobState.CREATED, 1,
                Optional.empty(), Optional.empty(), ManagedJob.AutoRestart.OFF, 0, Optional.empty(), "alice", now, now);
        jobs.create(job, new JobVersion(job.id(), 1, "INSERT INTO sink SELECT * FROM src", "default_catalog",
                "default_database", Map.of("pipeline.secret-ish", "s3cr3t"), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), "alice", now));
        return job;
    }

    /**
     * A spec writer that writes the version's own fields as JSON. The real writer (catalog definitions with their
     * options, for the SQL runner) belongs to the runner module; what this target does with a spec — put it into a
     * Secret, mount it, pass its path — does not depend on what is in it, so a real JSON document of the version's
     * fields is enough to check that the bytes arrive unchanged and stay out of the program arguments.
     */
    private static final class VersionFieldsSpec implements JobSpecWriter {
        @Override
        public byte[] write(JobVersion version) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("jobId", version.jobId());
            fields.put("version", version.version());
            fields.put("statement", version.statement());
            fields.put("catalog", version.catalog());
            fields.put("database", version.database());
            fields.put("options", version.options());
            fields.put("dependencies", version.dependencies());
            try {
                return JSON.writeValueAsBytes(fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
