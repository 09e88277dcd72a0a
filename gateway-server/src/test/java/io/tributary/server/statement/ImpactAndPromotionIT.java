package io.tributary.server.statement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.testing.ErrorText;
import io.tributary.server.testing.GatewayRestClient;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Managed jobs on the embedded cluster meet the statements of sessions: a DROP or ALTER of what a running job reads
 * is refused through every door (Flink's JDBC driver, the catalogs API) unless forced; and a statement of an open
 * session, named by its operation id over Flink's own REST protocol, is promoted with the session's SET options and
 * temporary DDL frozen, and runs.
 */
class ImpactAndPromotionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static GatewayRestClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = new GatewayRestClient(server, "impact-it");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDropOrAlterOfWhatARunningJobReadsIsRefusedEverywhereUnlessForced() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl() + "?tributary.user=dana");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE CATALOG imp_cat WITH ('type' = 'tributary')");
            statement.execute("CREATE TABLE imp_cat.`default`.imp_src (k INT) WITH ('connector' = 'datagen',"
                    + " 'rows-per-second' = '5')");
            statement.execute("CREATE TABLE imp_sink (k INT) WITH ('connector' = 'blackhole')");
            statement.execute("CREATE TABLE imp_unrelated (k INT) WITH ('connector' = 'blackhole')");

            JsonNode job = json(server.post("/api/v1/jobs", JSON.writeValueAsString(Map.of(
                    "name", "impact-guarded-job",
                    "statement", "INSERT INTO imp_sink SELECT k FROM imp_cat.`default`.imp_src",
                    "options", Map.of("parallelism.default", "1")))), 201);
            String jobId = job.path("id").asText();
            assertThat(json(server.post("/api/v1/jobs/" + jobId + "/deploy", "{}"), 200).path("state").asText())
                    .isEqualTo("RUNNING");

            String dropTable = errorOf(statement, "DROP TABLE imp_cat.`default`.imp_src");
            assertThat(dropTable).contains("DROP TABLE imp_cat.default.imp_src is refused: running managed job"
                            + " 'impact-guarded-job' (id " + jobId + ", RUNNING) reads or writes it")
                    .contains("SET 'tributary.impact.force' = 'true'");
            assertThat(errorOf(statement, "ALTER TABLE imp_sink SET ('sink.parallelism' = '1')"))
                    .contains("impact-guarded-job");
            assertThat(errorOf(statement, "DROP DATABASE imp_cat.`default` CASCADE")).contains("impact-guarded-job");
            assertThat(errorOf(statement, "DROP CATALOG imp_cat")).contains("impact-guarded-job");
            statement.execute("DROP TABLE imp_unrelated");

            JsonNode deleteCatalog = json(server.send(HttpRequest.newBuilder(
                    URI.create(server.managementUrl() + "/api/v1/catalogs/imp_cat")).DELETE().build()), 409);
            assertThat(deleteCatalog.path("code").asText()).isEqualTo("CONFLICT");
            assertThat(deleteCatalog.path("message").asText()).contains("DROP CATALOG imp_cat is refused")
                    .contains("?force=true");
            assertThat(deleteCatalog.path("details").path("jobs").get(0).path("name").asText())
                    .isEqualTo("impact-guarded-job");
            JsonNode alterCatalog = json(server.send(HttpRequest.newBuilder(
                    URI.create(server.managementUrl() + "/api/v1/catalogs/imp_cat"))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"comment\": \"changed\"}")).build()), 409);
            assertThat(alterCatalog.path("details").path("change").asText()).isEqualTo("ALTER CATALOG imp_cat");

            List<JsonNode> refused = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                refused.clear();
                json(server.get("/api/v1/statements?user=dana&status=REFUSED"), 200).path("statements")
                        .forEach(refused::add);
                return refused.size() == 4;
            });
            assertThat(refused).extracting(node -> node.path("kind").asText())
                    .containsExactly("DROP_CATALOG", "DROP_DATABASE", "ALTER_TABLE", "DROP_TABLE");
            assertThat(refused.get(3).path("error").asText()).contains("impact-guarded-job");

            statement.execute("SET 'tributary.impact.force' = 'true'");
            statement.execute("DROP TABLE imp_cat.`default`.imp_src");
            assertThat(server.send(HttpRequest.newBuilder(
                    URI.create(server.managementUrl() + "/api/v1/catalogs/imp_cat?force=true")).DELETE().build())
                    .statusCode()).isEqualTo(204);

            assertThat(json(server.post("/api/v1/jobs/" + jobId + "/cancel", "{}"), 200).path("state").asText())
                    .isEqualTo("CANCELED");
            statement.execute("SET 'tributary.impact.force' = 'false'");
            statement.execute("DROP TABLE imp_sink");
        }
    }

    @Test
    void aStatementOfASessionIsPromotedByItsOperationIdWithTheSessionsOptionsAndTemporaryDdl() throws Exception {
        String session = json(client.send("POST", "/v3/sessions", Map.of("sessionName", "ide-tab-1",
                "properties", Map.of("tributary.user", "carol"))), 200).path("sessionHandle").asText();
        run(session, "SET 'parallelism.default' = '1'");
        run(session, "SET 'table.exec.source.idle-timeout' = '7 s'");
        run(session, "CREATE TEMPORARY TABLE promo_gen (k INT, v STRING) WITH ('connector' = 'datagen',"
                + " 'rows-per-second' = '5', 'fields.k.min' = '1', 'fields.k.max' = '3')");
        run(session, "CREATE TEMPORARY TABLE promo_gone (k INT) WITH ('connector' = 'datagen')");
        run(session, "DROP TEMPORARY TABLE promo_gone");
        run(session, "CREATE TEMPORARY TABLE promo_sink (k INT, n BIGINT) WITH ('connector' = 'blackhole')");
        String query = run(session, "SELECT k, COUNT(*) AS n FROM promo_gen GROUP BY k");
        client.send("DELETE", "/v3/sessions/" + session + "/operations/" + query + "/close", null);

        JsonNode job = json(server.post("/api/v1/jobs", JSON.writeValueAsString(Map.of(
                "name", "promoted-from-a-session", "sessionId", session, "operationId", query,
                "sinkTable", "promo_sink"))), 201);
        String jobId = job.path("id").asText();
        JsonNode version = json(server.get("/api/v1/jobs/" + jobId + "/versions"), 200).get(0);
        assertThat(version.path("statement").asText())
                .isEqualTo("INSERT INTO promo_sink\nSELECT k, COUNT(*) AS n FROM promo_gen GROUP BY k");
        assertThat(version.path("catalog").asText()).isEqualTo("default_catalog");
        assertThat(version.path("database").asText()).isEqualTo("default_database");
        JsonNode options = version.path("options");
        assertThat(options.path("parallelism.default").asText()).isEqualTo("1");
        assertThat(options.path("table.exec.source.idle-timeout").asText()).isEqualTo("7 s");
        assertThat(options.has("rest.port")).as("server defaults are not frozen: " + options).isFalse();
        assertThat(options.has("execution.target")).isFalse();
        assertThat(options.has("tributary.user")).isFalse();
        assertThat(options.toString()).doesNotContain("table.catalog-store");
        List<String> dependencies = new ArrayList<>();
        version.path("dependencies").forEach(dependency -> dependencies.add(dependency.asText()));
        assertThat(dependencies).hasSize(2);
        assertThat(dependencies.get(0)).startsWith("CREATE TEMPORARY TABLE promo_gen");
        assertThat(dependencies.get(1)).startsWith("CREATE TEMPORARY TABLE promo_sink");
        assertThat(version.path("sourceSession").asText()).isEqualTo(session);
        assertThat(version.path("sourceOperation").asText()).isEqualTo(query);

        assertThat(json(server.post("/api/v1/jobs/" + jobId + "/deploy", "{}"), 200).path("state").asText())
                .isEqualTo("RUNNING");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> json(server.get("/api/v1/jobs/" + jobId), 200)
                .path("state").asText().equals("RUNNING"));
        assertThat(json(server.post("/api/v1/jobs/" + jobId + "/cancel", "{}"), 200).path("state").asText())
                .isEqualTo("CANCELED");

        // The same session, with a text instead of an operation.
        JsonNode fromText = json(server.post("/api/v1/jobs", JSON.writeValueAsString(Map.of(
                "name", "promoted-text", "sessionId", session,
                "statement", "INSERT INTO promo_sink SELECT k, CAST(1 AS BIGINT) FROM promo_gen"))), 201);
        JsonNode textVersion = json(server.get("/api/v1/jobs/" + fromText.path("id").asText() + "/versions"), 200)
                .get(0);
        assertThat(textVersion.path("dependencies")).hasSize(2);
        assertThat(textVersion.path("options").path("table.exec.source.idle-timeout").asText()).isEqualTo("7 s");

        JsonNode unknownOperation = json(server.post("/api/v1/jobs", JSON.writeValueAsString(Map.of(
                "name", "no-such-operation", "sessionId", session, "operationId", UUID.randomUUID().toString(),
                "sinkTable", "promo_sink"))), 404);
        assertThat(unknownOperation.path("message").asText()).contains("ran no statement with operation id");
        JsonNode unknownSession = json(server.post("/api/v1/jobs", JSON.writeValueAsString(Map.of(
                "name", "no-such-session", "sessionId", UUID.randomUUID().toString(), "operationId", query))), 404);
        assertThat(unknownSession.path("message").asText()).contains("no open gateway session");

        // The history knows the session's statements, by user and client.
        JsonNode history = json(server.get("/api/v1/statements?user=carol&kind=QUERY"), 200);
        assertThat(history.path("statements").get(0).path("id").asText()).isEqualTo(query);
        assertThat(history.path("statements").get(0).path("sessionName").asText()).isEqualTo("ide-tab-1");
        assertThat(history.path("statements").get(0).path("client").asText()).isEqualTo("rest/V3");
        client.send("DELETE", "/v3/sessions/" + session, null);
    }

    /** Runs a statement over Flink's REST protocol and waits until its operation finished; returns its id. */
    private static String run(String session, String statement) throws Exception {
        String operation = client.submit(session, statement);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !client.status(session, operation).matches("RUNNING|PENDING|INITIALIZED"));
        assertThat(client.status(session, operation)).as(statement).isEqualTo("FINISHED");
        return operation;
    }

    private static String errorOf(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException | RuntimeException e) {
            return ErrorText.of(e);
        }
        throw new AssertionError("the statement succeeded but should have been refused: " + sql);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
