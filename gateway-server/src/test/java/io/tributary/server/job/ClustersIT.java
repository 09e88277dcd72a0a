package io.tributary.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.StandaloneFlinkCluster;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Clusters end to end against real ones — the embedded cluster and a standalone session cluster (JobManager and
 * TaskManager JVMs): the registry's validation, counts that equal Flink's own, unmanaged jobs, managed jobs that
 * fail or are canceled outside Tributary, and a cluster that hangs, loses its TaskManager, dies and comes back.
 * One server and one standalone cluster for the class; the tests run in order (the last one kills processes).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClustersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOST_AFTER = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** LOST within (LOST_AFTER - 1) intervals plus LOST_AFTER request timeouts of the first failed poll. */
    private static final Duration LOST_WITHIN = POLL_INTERVAL.multipliedBy(LOST_AFTER - 1)
            .plus(REQUEST_TIMEOUT.multipliedBy(LOST_AFTER));

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StandaloneFlinkCluster standalone;
    private static TestServer server;
    private static String standaloneId;

    @BeforeAll
    static void start() throws Exception {
        // Short heartbeats: the JobManager notices a killed TaskManager within seconds (failed heartbeat RPCs), and
        // a timeout long enough for a JobManager paused a few seconds to keep its TaskManager.
        standalone = StandaloneFlinkCluster.start(3, Map.of(
                "heartbeat.interval", "1000",
                "heartbeat.timeout", "30000",
                "heartbeat.rpc-failure-threshold", "2"));
        server = TestServer.start(Map.of(
                "tributary.jobs.poll-interval", POLL_INTERVAL.toMillis() + "ms",
                "tributary.clusters.lost-after-failed-polls", Integer.toString(LOST_AFTER),
                "tributary.clusters.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms",
                "tributary.clusters.slow-response", "20s",
                "tributary.clusters.max-backoff", "4s",
                "tributary.clusters.overview-every-polls", "4"));
        JsonNode registered = created(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of(
                "name", "standalone-it", "kind", "standalone", "restAddress", standalone.restAddress().toString()))));
        standaloneId = registered.path("id").asText();
        assertThat(registered.path("health").asText()).isIn("UP", "UNKNOWN");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    @Order(1)
    void theRegistryNamesTheFieldOfEveryMistake() throws Exception {
        JsonNode kubernetes = error(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of(
                "name", "no-cluster-id", "kind", "kubernetes-session", "settings", Map.of()))), 400);
        assertThat(kubernetes.path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(kubernetes.path("details").path("field").asText()).isEqualTo("clusterId");
        JsonNode yarn = error(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of(
                "name", "y", "kind", "yarn-session", "settings", Map.of("applicationId", "application_1_0001")))), 400);
        assertThat(yarn.path("details").path("field").asText()).isEqualTo("hadoopConfDir");
        assertThat(yarn.path("message").asText()).startsWith("hadoopConfDir: hadoopConfDir is required");
        assertThat(field(server.post("/api/v1/clusters", "{\"kind\":\"standalone\",\"restAddress\":\""
                + standalone.restAddress() + "\"}"))).isEqualTo("name");
        assertThat(field(server.post("/api/v1/clusters", "{\"name\":\"x\",\"kind\":\"standalone\"}")))
                .isEqualTo("restAddress");
        assertThat(field(server.post("/api/v1/clusters",
                "{\"name\":\"x\",\"kind\":\"standalone\",\"restAddress\":\"ftp://127.0.0.1:21\"}")))
                .isEqualTo("restAddress");
        JsonNode down = error(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of("name", "nobody-home",
                "kind", "standalone", "restAddress", "http://127.0.0.1:" + FreePorts.next()))), 503);
        assertThat(down.path("code").asText()).isEqualTo("CLUSTER_UNAVAILABLE");
        assertThat(error(server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of("name", "standalone-it",
                "kind", "standalone", "restAddress", standalone.restAddress().toString()))), 409)
                .path("code").asText()).isEqualTo("ALREADY_EXISTS");

        JsonNode renamed = ok(patch("/api/v1/clusters/" + standaloneId, "{\"name\":\"standalone-renamed\"}"));
        assertThat(renamed.path("name").asText()).isEqualTo("standalone-renamed");
        assertThat(renamed.path("restAddress").asText()).isEqualTo(standalone.restAddress().toString());
        assertThat(ok(server.get("/api/v1/clusters/" + standaloneId)).path("name").asText())
                .isEqualTo("standalone-renamed");
        assertThat(error(patch("/api/v1/clusters/" + standaloneId,
                "{\"restAddress\":\"http://127.0.0.1:" + FreePorts.next() + "\"}"), 503).path("code").asText())
                .isEqualTo("CLUSTER_UNAVAILABLE");
        assertThat(ok(server.get("/api/v1/clusters/" + standaloneId)).path("restAddress").asText())
                .as("a move to an address that does not answer changes nothing")
                .isEqualTo(standalone.restAddress().toString());
        assertThat(field(patch("/api/v1/clusters/" + standaloneId, "{\"kind\":\"yarn-session\"}"))).isEqualTo("kind");
        assertThat(field(patch("/api/v1/clusters/" + standaloneId, "{\"name\":\"  \"}"))).isEqualTo("name");
        assertThat(field(patch("/api/v1/clusters/" + standaloneId, "{}"))).isEqualTo("name");
        assertThat(ok(patch("/api/v1/clusters/" + standaloneId, "{\"name\":\"standalone-it\",\"restAddress\":\""
                + standalone.restAddress() + "\"}")).path("name").asText()).isEqualTo("standalone-it");

        assertThat(field(patch("/api/v1/clusters/embedded", "{\"name\":\"x\"}"))).isEqualTo("id");
        assertThat(field(delete("/api/v1/clusters/embedded"))).isEqualTo("id");
        error(patch("/api/v1/clusters/no-such-cluster", "{\"name\":\"x\"}"), 404);
        error(server.get("/api/v1/clusters/no-such-cluster"), 404);
        error(server.get("/api/v1/clusters/no-such-cluster/jobs"), 404);
        error(delete("/api/v1/clusters/no-such-cluster"), 404);
        error(server.get("/api/v1/events?limit=0"), 400);
        error(server.get("/api/v1/events?type=JOB_EXPLODED"), 400);
    }

    @Test
    @Order(2)
    void theCountsOfEveryClusterEqualFlinksOwnAndUnmanagedJobsAreShown() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl(), onStandalone());
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute("SET 'pipeline.name' = 'unmanaged-batch'");
            try (ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
                assertThat(rows.next()).isTrue();
            }
        }
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl(), onStandalone());
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'streaming'");
            statement.execute("SET 'pipeline.name' = 'unmanaged-stream'");
            statement.execute("SET 'parallelism.default' = '1'");
            statement.execute("CREATE TEMPORARY TABLE gen (k INT) WITH ('connector' = 'datagen',"
                    + " 'rows-per-second' = '5')");
            statement.execute("CREATE TEMPORARY TABLE sink (k INT) WITH ('connector' = 'blackhole')");
            statement.execute("INSERT INTO sink SELECT k FROM gen");
        }
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }

        JsonNode jobs = await("the standalone cluster lists both unmanaged jobs",
                () -> ok(server.get("/api/v1/clusters/" + standaloneId + "/jobs")),
                list -> names(list).containsAll(List.of("unmanaged-batch", "unmanaged-stream"))
                        && stateOf(list, "unmanaged-stream").equals("RUNNING"));
        for (JsonNode job : jobs) {
            assertThat(job.path("managed").asBoolean()).as(job.toString()).isFalse();
            assertThat(job.path("managedJobId").isNull()).isTrue();
            assertThat(job.path("flinkJobId").asText()).hasSize(32);
        }
        assertThat(ok(server.get("/api/v1/clusters/" + standaloneId + "/jobs?state=RUNNING&managed=false")))
                .extracting(job -> job.path("name").asText()).contains("unmanaged-stream")
                .doesNotContain("unmanaged-batch");

        assertCountsEqualFlinks(standaloneId, standalone.restAddress());
        assertCountsEqualFlinks("embedded", URI.create("http://127.0.0.1:" + server.flinkPort()));

        JsonNode list = ok(server.get("/api/v1/clusters"));
        assertThat(list.get(0).path("id").asText()).isEqualTo("embedded");
        assertThat(list.findValuesAsText("id")).contains(standaloneId);
        for (JsonNode cluster : list) {
            assertThat(cluster.path("health").asText()).isEqualTo("UP");
            assertThat(cluster.path("lastPolledAt").asText()).isNotBlank();
            assertThat(cluster.path("pollIntervalMillis").asLong()).isEqualTo(POLL_INTERVAL.toMillis());
        }
    }

    @Test
    @Order(3)
    void managedJobsCanceledOrFailingOutsideTributaryReachTheirStateAndTheirEvent() throws Exception {
        String canceledId = promoteAndDeploy("canceled-outside", "INSERT INTO sink SELECT k FROM gen", Map.of());
        String flinkJobId = ok(server.get("/api/v1/jobs/" + canceledId)).path("flinkJobId").asText();
        JsonNode listed = await("the managed job is listed as managed",
                () -> ok(server.get("/api/v1/clusters/" + standaloneId + "/jobs?managed=true")),
                jobs -> jobs.findValuesAsText("flinkJobId").contains(flinkJobId));
        JsonNode managed = find(listed, flinkJobId);
        assertThat(managed.path("managedJobId").asText()).isEqualTo(canceledId);
        assertThat(managed.path("managedJobName").asText()).isEqualTo("canceled-outside");

        HttpResponse<String> cancel = HTTP.send(HttpRequest.newBuilder(
                standalone.restAddress().resolve("/jobs/" + flinkJobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
        awaitJobState(canceledId, "CANCELED");
        JsonNode canceledEvent = awaitEvent(canceledId, "JOB_CANCELED");
        assertThat(canceledEvent.path("from").asText()).isEqualTo("RUNNING");
        assertThat(canceledEvent.path("actor").asText()).isEqualTo("tributary");
        assertThat(canceledEvent.path("clusterId").asText()).isEqualTo(standaloneId);
        assertThat(canceledEvent.path("flinkJobId").asText()).isEqualTo(flinkJobId);

        String failingId = promoteAndDeploy("fails-on-a-cast",
                "INSERT INTO sink SELECT CAST(s AS INT) FROM gen_strings", Map.of("restart-strategy.type", "none"));
        JsonNode failed = awaitJobState(failingId, "FAILED");
        assertThat(failed.path("lastError").asText()).isNotBlank();
        JsonNode failedEvent = awaitEvent(failingId, "JOB_FAILED");
        assertThat(failedEvent.path("lastError").asText()).isEqualTo(failed.path("lastError").asText());
        assertThat(ok(server.get("/api/v1/clusters/" + standaloneId)).path("failedJobs").asInt()).isPositive();
    }

    @Test
    @Order(4)
    void aClusterThatHangsLosesItsTaskManagerDiesAndComesBackIsSeenAtEachStep() throws Exception {
        String survivorId = promoteAndDeploy("survivor", "INSERT INTO sink SELECT k FROM gen",
                Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "1000",
                        "restart-strategy.fixed-delay.delay", "3s"));
        awaitHealth("UP", Duration.ofSeconds(30));

        // A JobManager that hangs (SIGSTOP): its polls time out, it is LOST, and back when it answers again.
        standalone.pauseJobManager();
        long pausedAt = System.nanoTime();
        JsonNode lost;
        try {
            lost = awaitHealth("LOST", LOST_WITHIN.plusSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - pausedAt)).as("LOST within the documented time")
                    .isLessThanOrEqualTo(LOST_WITHIN.plusSeconds(10));
            assertThat(lost.path("healthReason").asText()).contains(LOST_AFTER + " polls in a row failed");
            awaitJobState(survivorId, "LOST");
        } finally {
            standalone.resumeJobManager();
        }
        awaitHealth("UP", Duration.ofSeconds(30));
        awaitJobState(survivorId, "RUNNING");
        awaitEvent(survivorId, "JOB_LOST");
        assertThat(awaitEvent(survivorId, "JOB_RUNNING_AGAIN").path("from").asText()).isEqualTo("LOST");

        // The TaskManager dies: the cluster answers without a TaskManager, DEGRADED; the job restarts.
        standalone.killTaskManager();
        JsonNode degraded = awaitHealth("DEGRADED", Duration.ofSeconds(60));
        assertThat(degraded.path("healthReason").asText()).contains("no TaskManager");
        assertThat(degraded.path("taskManagers").asInt()).isZero();
        assertThat(degraded.path("slotsTotal").asInt()).isZero();
        awaitEvent(survivorId, "JOB_RESTARTING");

        // The JobManager dies too: LOST within the documented time, and its jobs with it.
        standalone.killJobManager();
        long killedAt = System.nanoTime();
        lost = awaitHealth("LOST", LOST_WITHIN.plusSeconds(10));
        Duration lostAfter = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(lostAfter).as("LOST within the documented time").isLessThanOrEqualTo(LOST_WITHIN.plusSeconds(10));
        assertThat(lost.path("lastError").asText()).contains(standalone.restAddress().toString());
        assertThat(lost.path("healthSince").asText()).isNotBlank();
        awaitJobState(survivorId, "LOST");

        // Both come back (a new, empty cluster: no HA): UP again, RECOVERED; the job stays LOST, not restarted.
        standalone.restart();
        JsonNode up = awaitHealth("UP", Duration.ofSeconds(60));
        assertThat(up.path("taskManagers").asInt()).isEqualTo(1);
        assertThat(up.path("consecutiveFailedPolls").asInt()).isZero();
        JsonNode job = ok(server.get("/api/v1/jobs/" + survivorId));
        assertThat(job.path("state").asText()).isEqualTo("LOST");

        List<String> clusterEvents = ok(server.get("/api/v1/events?cluster=" + standaloneId
                + "&type=CLUSTER_LOST,CLUSTER_DEGRADED,CLUSTER_RECOVERED&limit=20")).findValuesAsText("type");
        assertThat(clusterEvents).as("newest first").containsSubsequence("CLUSTER_RECOVERED", "CLUSTER_LOST",
                "CLUSTER_DEGRADED", "CLUSTER_RECOVERED", "CLUSTER_LOST");
        List<String> recorded = ok(server.get("/api/v1/clusters/" + standaloneId + "/health-events"))
                .findValuesAsText("to");
        assertThat(recorded).containsSubsequence("UP", "LOST", "DEGRADED", "UP", "LOST");
        JsonNode lostEvent = ok(server.get("/api/v1/events?cluster=" + standaloneId + "&type=CLUSTER_LOST&limit=1"))
                .get(0);
        assertThat(lostEvent.path("clusterName").asText()).isEqualTo("standalone-it");
        assertThat(lostEvent.path("activeJobs").asInt()).isPositive();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Properties onStandalone() {
        Properties properties = new Properties();
        properties.setProperty("rest.address", standalone.restAddress().getHost());
        properties.setProperty("rest.port", Integer.toString(standalone.restAddress().getPort()));
        return properties;
    }

    private static void assertCountsEqualFlinks(String clusterId, URI flink) throws Exception {
        // Both are read at rest (no job starts or ends meanwhile); /overview may be a few polls old, so wait
        // until the next one.
        JsonNode[] flinks = new JsonNode[2];
        JsonNode ours = await("the counts of " + clusterId + " equal Flink's", () -> {
            flinks[0] = flinkGet(flink, "/overview");
            flinks[1] = flinkGet(flink, "/jobs/overview");
            return ok(server.get("/api/v1/clusters/" + clusterId));
        }, view -> countsOf(view).equals(countsOf(flinks[0], flinks[1])));
        assertThat(countsOf(ours)).isEqualTo(countsOf(flinks[0], flinks[1]));
        assertThat(ours.path("flinkVersion").asText()).isEqualTo(flinks[0].path("flink-version").asText())
                .isEqualTo("1.20.0");
        assertThat(ours.path("allJobs").asInt()).isPositive();
        assertThat(ours.path("unmanagedJobs").asInt()).isEqualTo(ours.path("allJobs").asInt());
    }

    private static List<Integer> countsOf(JsonNode view) {
        return List.of(view.path("allJobs").asInt(), view.path("runningJobs").asInt(),
                view.path("finishedJobs").asInt(), view.path("failedJobs").asInt(), view.path("canceledJobs").asInt(),
                view.path("taskManagers").asInt(), view.path("slotsTotal").asInt(), view.path("slotsFree").asInt());
    }

    private static List<Integer> countsOf(JsonNode overview, JsonNode jobsOverview) {
        return List.of(jobsOverview.path("jobs").size(), overview.path("jobs-running").asInt(),
                overview.path("jobs-finished").asInt(), overview.path("jobs-failed").asInt(),
                overview.path("jobs-cancelled").asInt(), overview.path("taskmanagers").asInt(),
                overview.path("slots-total").asInt(), overview.path("slots-available").asInt());
    }

    private static String promoteAndDeploy(String name, String statement, Map<String, String> options)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("cluster", standaloneId);
        body.put("statement", statement);
        ObjectNode jobOptions = body.putObject("options").put("parallelism.default", "1");
        options.forEach(jobOptions::put);
        body.putArray("dependencies")
                .add("CREATE TEMPORARY TABLE gen (k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')")
                .add("CREATE TEMPORARY TABLE gen_strings (s STRING) WITH ('connector' = 'datagen',"
                        + " 'rows-per-second' = '5', 'fields.s.length' = '6')")
                .add("CREATE TEMPORARY TABLE sink (k INT) WITH ('connector' = 'blackhole')");
        JsonNode job = created(server.post("/api/v1/jobs", JSON.writeValueAsString(body)));
        String id = job.path("id").asText();
        JsonNode deployed = ok(server.post("/api/v1/jobs/" + id + "/deploy", "{}"));
        assertThat(deployed.path("state").asText()).isIn("RUNNING", "FAILED");
        return id;
    }

    private static JsonNode awaitHealth(String health, Duration within) throws Exception {
        return await("cluster " + standaloneId + " is " + health, within,
                () -> ok(server.get("/api/v1/clusters/" + standaloneId)),
                view -> view.path("health").asText().equals(health));
    }

    private static JsonNode awaitJobState(String id, String state) throws Exception {
        return await("job " + id + " is " + state, () -> ok(server.get("/api/v1/jobs/" + id)),
                job -> job.path("state").asText().equals(state));
    }

    private static JsonNode awaitEvent(String jobId, String type) throws Exception {
        JsonNode events = await("an event " + type + " of job " + jobId,
                () -> ok(server.get("/api/v1/events?job=" + jobId + "&type=" + type + "&limit=5")),
                list -> list.size() > 0);
        return events.get(0);
    }

    private static JsonNode await(String what, Callable<JsonNode> read, Predicate<JsonNode> done) throws Exception {
        return await(what, Duration.ofSeconds(90), read, done);
    }

    private static JsonNode await(String what, Duration within, Callable<JsonNode> read, Predicate<JsonNode> done)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.call();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + within + ": " + what + "; last seen: " + last);
    }

    private static List<String> names(JsonNode jobs) {
        List<String> names = new ArrayList<>();
        jobs.forEach(job -> names.add(job.path("name").asText()));
        return names;
    }

    private static String stateOf(JsonNode jobs, String name) {
        for (JsonNode job : jobs) {
            if (job.path("name").asText().equals(name)) {
                return job.path("state").asText();
            }
        }
        return "";
    }

    private static JsonNode find(JsonNode jobs, String flinkJobId) {
        for (JsonNode job : jobs) {
            if (job.path("flinkJobId").asText().equals(flinkJobId)) {
                return job;
            }
        }
        throw new AssertionError("no job " + flinkJobId + " in " + jobs);
    }

    private static JsonNode flinkGet(URI base, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> patch(String path, String json) {
        return server.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> delete(String path) {
        return server.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + path)).DELETE().build());
    }

    private static String field(HttpResponse<String> response) throws Exception {
        return error(response, 400).path("details").path("field").asText();
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
