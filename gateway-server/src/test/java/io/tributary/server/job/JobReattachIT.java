package io.tributary.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.StandaloneFlinkCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-attach: the packaged server is killed abruptly (SIGKILL, no shutdown) while its managed jobs run on a
 * standalone cluster; started again on the same data directory, it finds every job by its Flink job id and
 * corrects its state from the cluster — none orphaned, none submitted twice, none restarted by mistake.
 */
class JobReattachIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static StandaloneFlinkCluster standalone;
    private static Path dataDir;
    private static int port;
    private static int gatewayPort;
    private static int flinkPort;

    @BeforeAll
    static void start() throws Exception {
        standalone = StandaloneFlinkCluster.start(2);
        dataDir = Files.createTempDirectory("tributary-reattach-");
        port = FreePorts.next();
        gatewayPort = FreePorts.next();
        flinkPort = FreePorts.next();
    }

    @AfterAll
    static void stop() throws Exception {
        script("stop");
        standalone.close();
    }

    @Test
    void jobsAreReattachedAfterAnAbruptRestart() throws Exception {
        assertThat(script("start")).isZero();
        String clusterId = JSON.readTree(post("/api/v1/clusters", JSON.writeValueAsString(Map.of(
                "name", "reattach", "kind", "standalone", "restAddress", standalone.restAddress().toString())))
                .body()).path("id").asText();
        String keepsRunning = promoteAndDeploy("keeps-running", clusterId);
        String canceledWhileDown = promoteAndDeploy("canceled-while-down", clusterId);
        String runningFlinkId = job(keepsRunning).path("flinkJobId").asText();
        String canceledFlinkId = job(canceledWhileDown).path("flinkJobId").asText();
        int transitionsBefore = transitions(keepsRunning).size();

        long pid = Long.parseLong(Files.readString(dataDir.resolve("tributary.pid")).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        Runtime.getRuntime().exec(new String[] {"kill", "-9", Long.toString(pid)}).waitFor();
        server.onExit().get(30, TimeUnit.SECONDS);
        HttpResponse<String> cancel = HTTP.send(HttpRequest.newBuilder(
                standalone.restAddress().resolve("/jobs/" + canceledFlinkId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).isEqualTo(202);

        assertThat(script("start")).isZero();
        JsonNode running = awaitState(keepsRunning, "RUNNING");
        assertThat(running.path("flinkJobId").asText()).isEqualTo(runningFlinkId);
        JsonNode canceled = awaitState(canceledWhileDown, "CANCELED");
        assertThat(canceled.path("flinkJobId").asText()).isEqualTo(canceledFlinkId);

        JsonNode overview = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                standalone.restAddress().resolve("/jobs/overview")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> runningOnCluster = new ArrayList<>();
        overview.path("jobs").forEach(flinkJob -> {
            if (flinkJob.path("state").asText().equals("RUNNING")) {
                runningOnCluster.add(flinkJob.path("jid").asText());
            }
        });
        assertThat(runningOnCluster).as("nothing submitted twice").containsExactly(runningFlinkId);
        assertThat(transitions(keepsRunning)).as("nothing restarted by mistake").hasSize(transitionsBefore);
        assertThat(transitions(canceledWhileDown).get(transitions(canceledWhileDown).size() - 1)
                .path("reason").asText()).contains("re-attached").contains("CANCELED");
    }

    private static String promoteAndDeploy(String name, String clusterId) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name).put("cluster", clusterId)
                .put("statement", "INSERT INTO sink SELECT k, v FROM gen");
        body.putObject("options").put("parallelism.default", "1");
        body.putArray("dependencies")
                .add("CREATE TEMPORARY TABLE gen (k INT, v STRING) WITH ('connector' = 'datagen',"
                        + " 'rows-per-second' = '5')")
                .add("CREATE TEMPORARY TABLE sink (k INT, v STRING) WITH ('connector' = 'blackhole')");
        HttpResponse<String> promoted = post("/api/v1/jobs", JSON.writeValueAsString(body));
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(201);
        String id = JSON.readTree(promoted.body()).path("id").asText();
        HttpResponse<String> deployed = post("/api/v1/jobs/" + id + "/deploy", "{}");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        return id;
    }

    private static JsonNode job(String id) throws Exception {
        return JSON.readTree(get("/api/v1/jobs/" + id).body());
    }

    private static List<JsonNode> transitions(String id) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(get("/api/v1/jobs/" + id + "/transitions").body()).forEach(list::add);
        return list;
    }

    private static JsonNode awaitState(String id, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = job(id);
            if (job.path("state").asText().equals(state)) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not become " + state + ": " + job);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int script(String command) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("tributary"))) {
            root = root.getParent();
        }
        ProcessBuilder builder = new ProcessBuilder(root.resolve("tributary").toString(), command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("script-" + command + ".out").toFile());
        Map<String, String> env = builder.environment();
        env.put("TRIBUTARY_SKIP_BUILD", "1");
        env.put("TRIBUTARY_DATA_DIR", dataDir.toString());
        env.put("TRIBUTARY_PORT", Integer.toString(port));
        env.put("TRIBUTARY_GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("TRIBUTARY_FLINK_PORT", Integer.toString(flinkPort));
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./tributary " + command + " did not finish");
        }
        return process.exitValue();
    }
}
