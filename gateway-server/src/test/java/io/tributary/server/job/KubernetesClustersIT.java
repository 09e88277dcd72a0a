package io.tributary.server.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.tributary.cluster.ClusterRegistry;
import io.tributary.cluster.ClusterWatcher;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.kubernetes.testing.KubernetesApiStandIn;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Kubernetes session clusters through the management API, against a STAND-IN for the Kubernetes API server:
 * fabric8's mock server ({@link KubernetesApiStandIn}) in CRUD mode, and a second one in expectation mode for a
 * namespace without rights, because no Kubernetes API server can run on this machine. The stand-in stores what
 * Flink's {@code KubernetesClusterDescriptor} creates but runs no pod, so no JobManager ever answers: the tests check
 * what registering a session creates and what Tributary reports, never a running job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesClustersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "registry.example.com/flink:1.20.0-java17";

    private static KubernetesApiStandIn kubernetes;
    private static KubernetesApiStandIn locked;
    private static NamespacedKubernetesClient outside;
    private static TestServer server;
    private static String sessionId;

    @BeforeAll
    static void start() {
        kubernetes = KubernetesApiStandIn.crud();
        outside = kubernetes.client();
        locked = KubernetesApiStandIn.expectations();
        locked.server().expect().get().withPath("/apis/apps/v1/namespaces/locked/deployments?limit=1")
                .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(
                        "deployments.apps is forbidden: User \"tester\" cannot list resource \"deployments\" in API"
                                + " group \"apps\" in the namespace \"locked\"").build())
                .always();
        server = TestServer.start(Map.of("tributary.clusters.lost-after-failed-polls", "2"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        outside.close();
        kubernetes.close();
        locked.close();
    }

    /**
     * Against the stand-in API server (no real one can run here): registering a session with {@code deploy=true}
     * deploys it with Flink's descriptor — a Deployment (image, args, resources, service account, labels), the
     * internal and REST Services and the ConfigMap (Flink configuration with the overrides, log configuration) — and
     * a second registration attaches to it by its cluster-id without deploying anything.
     */
    @Test
    @Order(1)
    void registeringASessionDeploysItAndASecondOneAttaches() throws Exception {
        JsonNode registered = created(register("k8s-session", sessionSettings("flink", "orders-session", true,
                Map.of("flink.taskmanager.numberOfTaskSlots", "4"))));
        sessionId = registered.path("id").asText();
        assertThat(registered.path("kind").asText()).isEqualTo("kubernetes-session");

        Deployment deployment = outside.apps().deployments().inNamespace("flink").withName("orders-session").get();
        assertThat(deployment.getMetadata().getLabels())
                .containsEntry("app", "orders-session").containsEntry("type", "flink-native-kubernetes");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("component", "jobmanager");
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("flink-sa");
        Container jobManager = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(jobManager.getImage()).isEqualTo(IMAGE);
        assertThat(String.join(" ", jobManager.getArgs())).contains("kubernetes-session");
        assertThat(jobManager.getResources().getRequests().get("cpu").getAmount()).isEqualTo("1.0");
        assertThat(jobManager.getResources().getRequests().get("memory").toString()).isEqualTo("1024Mi");
        assertThat(outside.services().inNamespace("flink").withName("orders-session").get()).isNotNull();
        assertThat(outside.services().inNamespace("flink").withName("orders-session-rest").get()).isNotNull();
        ConfigMap config = outside.configMaps().inNamespace("flink").withName("flink-config-orders-session").get();
        assertThat(config.getData()).containsKey("log4j-console.properties");
        assertThat(config.getData().get("config.yaml"))
                .contains("KubernetesSessionClusterEntrypoint")
                .contains("numberOfTaskSlots: '4'")
                .contains("amount: 2.0")
                .contains("size: 4 gb");

        JsonNode attached = created(register("k8s-session-attached", sessionSettings("flink", "orders-session",
                false, Map.of())));
        assertThat(attached.path("id").asText()).isNotEqualTo(sessionId);
        assertThat(outside.apps().deployments().inNamespace("flink").list().getItems()).hasSize(1);
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/api/v1/clusters/"
                + attached.path("id").asText())).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(outside.apps().deployments().inNamespace("flink").withName("orders-session").get())
                .as("removing an attached registration leaves the session").isNotNull();
    }

    /**
     * Against the stand-in API server (no real one can run here): a session whose JobManager is not ready is
     * reported as such; once its Deployment is deleted from outside Tributary, the watcher says so, the cluster
     * becomes LOST, and job operations on it are refused with that reason (the session is not redeployed behind the
     * user's back).
     */
    @Test
    @Order(2)
    void aSessionDeletedFromOutsideIsNoticed() throws Exception {
        ClusterWatcher watcher = server.bean(ClusterWatcher.class);
        watcher.pollNow(sessionId).orElseThrow().join();
        assertThat(ok(server.get("/api/v1/clusters/" + sessionId), 200).path("lastError").asText())
                .contains("no ready JobManager yet");

        outside.apps().deployments().inNamespace("flink").withName("orders-session").delete();
        watcher.pollNow(sessionId).orElseThrow().join();
        watcher.pollNow(sessionId).orElseThrow().join();

        JsonNode view = ok(server.get("/api/v1/clusters/" + sessionId), 200);
        assertThat(view.path("health").asText()).isEqualTo("LOST");
        assertThat(view.path("lastError").asText())
                .contains("'orders-session' does not exist in namespace 'flink' any more (deleted from outside");
        assertThatThrownBy(() -> server.bean(ClusterRegistry.class).target(sessionId).orElseThrow().checkReachable())
                .as("a job operation is refused, and the deleted session is not silently deployed again")
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessageContaining("does not exist any more (deleted from outside Tributary?)");
        assertThat(outside.apps().deployments().inNamespace("flink").list().getItems()).isEmpty();
    }

    /**
     * Against stand-in API servers (no real one can run here): every mistake is a clear error naming its setting —
     * a missing kubeconfig, a namespace without rights (the expectation-mode stand-in answers 403), an API server
     * nobody answers at, a session that does not exist without {@code deploy=true} — and a session deploy that fails
     * leaves nothing behind.
     */
    @Test
    @Order(3)
    void badInputIsAClearErrorNamingTheSettingAndLeavesNothing() throws Exception {
        Map<String, String> missing = sessionSettings("flink", "s1", true, Map.of());
        missing.put("kubeconfig", "/nonexistent/kubeconfig.yaml");
        JsonNode noFile = error(register("bad", missing), 400);
        assertThat(noFile.path("details").path("field").asText()).isEqualTo("kubeconfig");
        assertThat(noFile.path("message").asText()).contains("no such file: /nonexistent/kubeconfig.yaml");

        Map<String, String> forbidden = sessionSettings("locked", "s1", true, Map.of());
        forbidden.put("kubeconfig", locked.kubeconfig().toString());
        JsonNode noRights = error(register("bad", forbidden), 400);
        assertThat(noRights.path("details").path("field").asText()).isEqualTo("namespace");
        assertThat(noRights.path("message").asText()).contains("may not list Deployments in namespace 'locked'")
                .contains("403");

        Map<String, String> nobody = sessionSettings("flink", "s1", true, Map.of());
        nobody.put("kubeconfig", KubernetesApiStandIn.kubeconfigOfNobody(FreePorts.next()).toString());
        JsonNode unreachable = error(register("bad", nobody), 503);
        assertThat(unreachable.path("code").asText()).isEqualTo("CLUSTER_UNAVAILABLE");
        assertThat(unreachable.path("message").asText()).contains("Kubernetes API server http://127.0.0.1:");

        JsonNode absent = error(register("bad", sessionSettings("flink", "no-such-session", false, Map.of())), 503);
        assertThat(absent.path("message").asText()).contains("no Deployment 'no-such-session'")
                .contains("deploy=true");

        assertThat(error(register("bad", sessionSettings("flink", "Not_A_Name", true, Map.of())), 400)
                .path("details").path("field").asText()).isEqualTo("clusterId");
        assertThat(error(register("bad", sessionSettings("flink", "s1", true, Map.of("jobManagerMemory", "lots"))),
                400).path("details").path("field").asText()).isEqualTo("jobManagerMemory");
        assertThat(error(register("bad", sessionSettings("flink", "s1", true,
                Map.of("flink.kubernetes.namespace", "other"))), 400).path("details").path("field").asText())
                .isEqualTo("flink.kubernetes.namespace");

        Path notAPod = Files.createTempFile("not-a-pod", ".yaml");
        Files.writeString(notAPod, "apiVersion: v1\nkind: Pod\nspec: [not, a, pod, spec\n");
        JsonNode failed = error(register("bad", sessionSettings("half", "half-deployed", true,
                Map.of("podTemplate", notAPod.toString()))), 422);
        assertThat(failed.path("code").asText()).isEqualTo("DEPLOYMENT_FAILED");
        assertThat(failed.path("message").asText()).contains("could not deploy the Kubernetes session 'half-deployed'");
        assertThat(outside.apps().deployments().inNamespace("half").list().getItems()).isEmpty();
        assertThat(outside.services().inNamespace("half").list().getItems()).isEmpty();
        assertThat(outside.configMaps().inNamespace("half").list().getItems()).isEmpty();
        assertThat(ok(server.get("/api/v1/clusters"), 200).findValuesAsText("name")).doesNotContain("bad");
    }

    /**
     * Against stand-in API servers (no real one can run here): a Kubernetes application place is registered by its
     * settings once the API server lets its user work in the namespace; jobs get clusters of their own there (see
     * job-manager's KubernetesApplicationClusterIT for what a deploy creates).
     */
    @Test
    @Order(4)
    void anApplicationPlaceIsRegisteredWhenItsNamespaceMayBeUsed() throws Exception {
        Map<String, String> settings = sessionSettings("apps", "unused", false, Map.of());
        settings.remove("clusterId");
        settings.remove("deploy");
        JsonNode place = created(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of("name", "k8s-apps",
                "kind", "kubernetes-application", "settings", settings))));
        assertThat(place.path("kind").asText()).isEqualTo("kubernetes-application");
        assertThat(place.path("restAddress").isNull()).isTrue();

        settings.put("kubeconfig", locked.kubeconfig().toString());
        settings.put("namespace", "locked");
        JsonNode noRights = error(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of("name", "apps-2",
                "kind", "kubernetes-application", "settings", settings))), 400);
        assertThat(noRights.path("details").path("field").asText()).isEqualTo("namespace");
        assertThat(error(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of("name", "apps-3",
                "kind", "kubernetes-application", "restAddress", "http://127.0.0.1:8081"))), 400)
                .path("details").path("field").asText()).isEqualTo("restAddress");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, String> sessionSettings(String namespace, String clusterId, boolean deploy,
            Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kubeconfig", kubernetes.kubeconfig().toString());
        settings.put("namespace", namespace);
        settings.put("clusterId", clusterId);
        settings.put("deploy", Boolean.toString(deploy));
        settings.put("image", IMAGE);
        settings.put("serviceAccount", "flink-sa");
        settings.put("jobManagerCpu", "1");
        settings.put("jobManagerMemory", "1g");
        settings.put("taskManagerCpu", "2");
        settings.put("taskManagerMemory", "4g");
        settings.putAll(more);
        return settings;
    }

    private static HttpResponse<String> register(String name, Map<String, String> settings) throws Exception {
        return server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of("name", name,
                "kind", "kubernetes-session", "settings", settings)));
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        return ok(response, 201);
    }

    private static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
