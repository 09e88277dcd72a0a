package io.tributary.server.job;

import static io.tributary.server.testing.RunningCountJobs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.testing.CountTables;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.RunningCountJobs;
import io.tributary.server.testing.StandaloneFlinkCluster;
import io.tributary.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Managed jobs end to end on real clusters — a standalone Flink session cluster (JobManager and TaskManager JVMs)
 * and the embedded one: promote a streaming job that keeps a running count in PostgreSQL, stop it with a
 * savepoint, restart from it and see the count carry on, cancel, upgrade; and the mistakes a user can make.
 */
class ManagedJobsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StandaloneFlinkCluster standalone;
    private static TestServer server;
    private static RunningCountJobs jobs;
    private static String standaloneId;

    @BeforeAll
    static void start() throws Exception {
        standalone = StandaloneFlinkCluster.start(2);
        server = TestServer.start(Map.of("tributary.jobs.poll-interval", "500ms"));
        jobs = new RunningCountJobs(server);
        HttpResponse<String> registered = server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of(
                "name", "standalone-it", "kind", "standalone", "restAddress", standalone.restAddress().toString())));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        standaloneId = JSON.readTree(registered.body()).path("id").asText();
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
    void aStreamingJobKeepsItsStateAcrossStopWithSavepointRestartAndUpgradeOnAStandaloneCluster() throws Exception {
        String table = CountTables.create("standalone_counts");
        String id = jobs.promote("running-count-standalone", standaloneId, table, "k > 0");
        JsonNode deployed = ok(server.post("/api/v1/jobs/" + id + "/deploy", "{}"));
        assertThat(deployed.path("state").asText()).isEqualTo("RUNNING");
        assertThat(deployed.path("flinkJobId").asText()).hasSize(32);
        long beforeStop = CountTables.awaitAtLeast(table, 20);

        HttpResponse<String> stopping = server.post("/api/v1/jobs/" + id + "/stop", "{\"savepoint\": true}");
        assertThat(stopping.statusCode()).as(stopping.body()).isEqualTo(202);
        assertThat(JSON.readTree(stopping.body()).path("state").asText()).isIn("SAVEPOINTING", "STOPPED");
        JsonNode stopped = jobs.awaitState(id, "STOPPED");
        assertThat(stopped.path("lastSavepoint").asText()).startsWith("file:");
        long atSavepoint = CountTables.count(table).orElseThrow();
        assertThat(atSavepoint).isGreaterThanOrEqualTo(beforeStop);

        JsonNode restarted = ok(server.post("/api/v1/jobs/" + id + "/restart", "{\"from\": \"latest-savepoint\"}"));
        assertThat(restarted.path("state").asText()).isEqualTo("RUNNING");
        long firstAfterRestart = CountTables.awaitChange(table, atSavepoint);
        assertThat(firstAfterRestart).as("the running count carries on from the savepoint, not from zero")
                .isGreaterThan(atSavepoint);

        HttpResponse<String> upgrade = server.post("/api/v1/jobs/" + id + "/versions", JSON.writeValueAsString(
                jobs.body(null, table, "k > 0 AND k < 1000")));
        assertThat(upgrade.statusCode()).as(upgrade.body()).isEqualTo(202);
        assertThat(JSON.readTree(upgrade.body()).path("version").asInt()).isEqualTo(2);
        JsonNode upgraded = jobs.awaitState(id, "RUNNING", 2);
        long beforeUpgrade = CountTables.count(table).orElseThrow();
        assertThat(CountTables.awaitChange(table, beforeUpgrade)).as("the upgraded version carries the state")
                .isGreaterThan(beforeUpgrade);
        assertThat(upgraded.path("version").asInt()).isEqualTo(2);

        JsonNode canceled = ok(server.post("/api/v1/jobs/" + id + "/cancel", "{}"));
        assertThat(canceled.path("state").asText()).isEqualTo("CANCELED");
        HttpResponse<String> stopAgain = server.post("/api/v1/jobs/" + id + "/stop", "{\"savepoint\": true}");
        assertThat(stopAgain.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stopAgain.body()).path("details").path("state").asText()).isEqualTo("CANCELED");

        List<String> transitions = JSON.readTree(server.get("/api/v1/jobs/" + id + "/transitions").body())
                .findValuesAsText("to");
        assertThat(transitions).containsSubsequence("DEPLOYING", "RUNNING", "SAVEPOINTING", "STOPPED", "DEPLOYING",
                "RUNNING", "SAVEPOINTING", "STOPPED", "DEPLOYING", "RUNNING", "CANCELLING", "CANCELED");
        JsonNode versions = JSON.readTree(server.get("/api/v1/jobs/" + id + "/versions").body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("dependencies")).hasSize(2);
    }

    @Test
    void aJobOnTheEmbeddedClusterRestartsFromItsSavepointAndShowsItsDiagnosis() throws Exception {
        String table = CountTables.create("embedded_counts");
        String id = jobs.promote("running-count-embedded", "embedded", table, "k > 0");
        ok(server.post("/api/v1/jobs/" + id + "/deploy", "{}"));
        CountTables.awaitAtLeast(table, 10);
        assertThat(server.get("/api/v1/jobs/" + id + "/checkpoints").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/jobs/" + id + "/exceptions").statusCode()).isEqualTo(200);
        JsonNode logs = JSON.readTree(server.get("/api/v1/jobs/" + id + "/logs").body());
        assertThat(logs.path("taskManagers").isArray()).isTrue();
        assertThat(JSON.readTree(server.get("/api/v1/jobs/" + id).body()).path("flinkWebUi").asText())
                .startsWith("http://127.0.0.1:" + server.flinkPort() + "/#/job/");

        server.post("/api/v1/jobs/" + id + "/stop", "{\"savepoint\": true}");
        jobs.awaitState(id, "STOPPED");
        long atSavepoint = CountTables.count(table).orElseThrow();
        ok(server.post("/api/v1/jobs/" + id + "/restart", "{}"));
        assertThat(CountTables.awaitChange(table, atSavepoint)).isGreaterThan(atSavepoint);
        assertThat(ok(server.post("/api/v1/jobs/" + id + "/stop", "{\"savepoint\": false}")).path("state").asText())
                .isEqualTo("CANCELED");
    }

    /**
     * The deploy that follows a promotion does not set a session up again: its INSERT runs in the session the
     * validation's EXPLAIN ran in, where the dependency DDL ran once (the statement history shows where each ran).
     */
    @Test
    void aDeployRightAfterItsPromotionSubmitsInTheSessionItsValidationSetUp() throws Exception {
        String table = CountTables.create("warm_session_counts");
        String id = jobs.promote("warm-session-count", "embedded", table, "k <> 77");
        assertThat(ok(server.post("/api/v1/jobs/" + id + "/deploy", "{}")).path("state").asText())
                .isEqualTo("RUNNING");
        CountTables.awaitAtLeast(table, 3);

        List<JsonNode> ddl = new ArrayList<>();
        List<JsonNode> explainAndInsert = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ddl.clear();
            explainAndInsert.clear();
            JSON.readTree(server.get("/api/v1/statements?limit=200").body()).path("statements").forEach(statement -> {
                String text = statement.path("statement").asText();
                if (text.startsWith("CREATE TEMPORARY TABLE pg_counts") && text.contains("'" + table + "'")) {
                    ddl.add(statement);
                } else if (text.contains("k <> 77")) {
                    explainAndInsert.add(statement);
                }
            });
            return explainAndInsert.size() >= 2 && explainAndInsert.stream().allMatch(statement ->
                    statement.path("status").asText().equals("FINISHED"));
        });
        assertThat(ddl).as("the DDL ran once, for the validation").hasSize(1);
        String session = ddl.get(0).path("sessionId").asText();
        assertThat(explainAndInsert).extracting(statement -> statement.path("statement").asText().strip()
                .split("\\s+")[0]).containsExactlyInAnyOrder("EXPLAIN", "INSERT");
        assertThat(explainAndInsert).allSatisfy(statement -> {
            assertThat(statement.path("sessionId").asText()).isEqualTo(session);
            assertThat(statement.path("client").asText()).isEqualTo("server");
        });
        assertThat(explainAndInsert).filteredOn(statement -> statement.path("statement").asText().startsWith("INSERT"))
                .singleElement().satisfies(insert -> assertThat(insert.path("flinkJobId").asText())
                        .isEqualTo(JSON.readTree(server.get("/api/v1/jobs/" + id).body()).path("flinkJobId").asText()));
        assertThat(ok(server.post("/api/v1/jobs/" + id + "/cancel", "{}")).path("state").asText())
                .isEqualTo("CANCELED");
    }

    /**
     * With {@code deploy: true} on the embedded cluster the submission is the validation: the statement is planned
     * once (no EXPLAIN in the history), the job is stored RUNNING with its transitions, and a statement that does
     * not compile is the same 400 with its position as a promotion's, with nothing stored.
     */
    @Test
    void promotedAndDeployedInOneRequestTheStatementIsPlannedOnce() throws Exception {
        String table = CountTables.create("one_request_counts");
        HttpResponse<String> created = server.post("/api/v1/jobs",
                JSON.writeValueAsString(jobs.body("one-request-count", table, "k <> 78").put("deploy", true)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode job = JSON.readTree(created.body());
        assertThat(job.path("state").asText()).isEqualTo("RUNNING");
        assertThat(job.path("flinkJobId").asText()).hasSize(32);
        String id = job.path("id").asText();
        CountTables.awaitAtLeast(table, 3);
        assertThat(JSON.readTree(server.get("/api/v1/jobs/" + id + "/transitions").body()).findValuesAsText("to"))
                .containsExactly("DEPLOYING", "RUNNING");

        List<String> planned = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            planned.clear();
            JSON.readTree(server.get("/api/v1/statements?limit=200").body()).path("statements").forEach(statement -> {
                String text = statement.path("statement").asText();
                if (text.contains("k <> 78") && statement.path("status").asText().equals("FINISHED")) {
                    planned.add(text.strip().split("\\s+")[0]);
                }
            });
            return !planned.isEmpty();
        });
        assertThat(planned).containsExactly("INSERT");

        int jobsBefore = JSON.readTree(server.get("/api/v1/jobs").body()).size();
        ObjectNode broken = jobs.body("broken-in-one-request", "t", "k > 0").put("deploy", true);
        broken.put("statement", "INSERT INTO pg_counts\nSELECT k, COUNT(*)\nFROM no_such_source GROUP BY k");
        HttpResponse<String> refused = server.post("/api/v1/jobs", JSON.writeValueAsString(broken));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.path("code").asText()).isEqualTo("INVALID_STATEMENT");
        assertThat(error.path("message").asText()).contains("no_such_source");
        assertThat(error.path("details").path("line").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(server.get("/api/v1/jobs").body()).size()).isEqualTo(jobsBefore);
        assertThat(ok(server.post("/api/v1/jobs/" + id + "/cancel", "{}")).path("state").asText())
                .isEqualTo("CANCELED");
    }

    @Test
    void aStatementThatDoesNotValidateIs400WithThePositionAndStoresNothing() throws Exception {
        int jobsBefore = JSON.readTree(server.get("/api/v1/jobs").body()).size();
        ObjectNode body = jobs.body("broken", "t", "k > 0");
        body.put("statement", "INSERT INTO pg_counts\nSELECT k, COUNT(*)\nFROM no_such_source GROUP BY k");
        HttpResponse<String> response = server.post("/api/v1/jobs", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("code").asText()).isEqualTo("INVALID_STATEMENT");
        assertThat(error.path("message").asText()).contains("no_such_source");
        assertThat(error.path("details").path("line").asInt()).isEqualTo(3);
        assertThat(error.path("details").path("column").asInt()).isEqualTo(6);

        ObjectNode missingSink = jobs.body("no-sink-table", "t", "k > 0");
        missingSink.put("statement", "INSERT INTO no_such_sink SELECT k, COUNT(*) FROM gen GROUP BY k");
        HttpResponse<String> unknownSink = server.post("/api/v1/jobs", JSON.writeValueAsString(missingSink));
        assertThat(unknownSink.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownSink.body()).path("message").asText()).contains("no_such_sink");

        ObjectNode syntax = jobs.body("broken-syntax", "x", "k > 0");
        syntax.put("statement", "INSERT INTO x\nSELEC k FROM gen");
        JsonNode syntaxError = JSON.readTree(server.post("/api/v1/jobs", JSON.writeValueAsString(syntax)).body());
        assertThat(syntaxError.path("code").asText()).isEqualTo("INVALID_STATEMENT");
        assertThat(syntaxError.path("details").path("line").asInt()).isEqualTo(2);

        ObjectNode query = jobs.body("query-without-sink", "x", "k > 0");
        query.put("statement", "SELECT k FROM gen");
        HttpResponse<String> noSink = server.post("/api/v1/jobs", JSON.writeValueAsString(query));
        assertThat(noSink.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noSink.body()).path("details").path("field").asText()).isEqualTo("sinkTable");

        assertThat(JSON.readTree(server.get("/api/v1/jobs").body()).size()).isEqualTo(jobsBefore);
    }

    @Test
    void aClusterThatIsDownIsAClearErrorAndNothingIsStored() throws Exception {
        HttpResponse<String> response = server.post("/api/v1/clusters", JSON.writeValueAsString(Map.of(
                "name", "nobody-home", "kind", "standalone", "restAddress", "http://127.0.0.1:" + FreePorts.next())));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("CLUSTER_UNAVAILABLE");
        assertThat(server.get("/api/v1/clusters").body()).doesNotContain("nobody-home");

        HttpResponse<String> badKind = server.post("/api/v1/clusters", "{\"name\":\"x\",\"kind\":\"mesos\","
                + "\"restAddress\":\"http://127.0.0.1:1\"}");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badKind.body()).path("details").path("field").asText()).isEqualTo("kind");
        assertThat(server.get("/api/v1/jobs/no-such-job").statusCode()).isEqualTo(404);
    }

}
