package io.tributary.server.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Knowing every statement, against a real server and Flink's own JDBC driver: the statement history (kinds, tables,
 * status, rows, errors, credentials masked, filters and pages), lineage through statements and a managed job, the
 * metadata search following DDL at once, and the analysis API.
 */
class StatementHistoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT = "default_catalog.default_database.";

    private static TestServer server;
    private static Path files;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        files = Files.createTempDirectory("tributary-lineage-");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void recordsEveryStatementOfFlinksJdbcDriverWithKindTablesStatusRowsAndErrors() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl() + "?tributary.user=alice");
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute("SET 'table.dml-sync' = 'true'");
            statement.execute("CREATE TABLE hist_numbers (k INT, name STRING) WITH ('connector' = 'datagen',"
                    + " 'number-of-rows' = '25', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
                    + " 'fields.k.end' = '25')");
            statement.execute("CREATE TABLE hist_secret (k INT) WITH ('connector' = 'blackhole',"
                    + " 'password' = 'hunter2')");
            statement.execute("CREATE TABLE hist_sink (k INT) WITH ('connector' = 'blackhole')");
            statement.execute("INSERT INTO hist_sink SELECT k FROM hist_numbers");
            int rows = 0;
            try (ResultSet result = statement.executeQuery("SELECT k, name FROM hist_numbers")) {
                while (result.next()) {
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(25);
            assertThatThrownBy(() -> statement.execute("INSERT INTO hist_secret SELECT k FROM hist_numbers"))
                    .isInstanceOf(Exception.class);
            assertThatThrownBy(() -> statement.execute("SELEC 1")).isInstanceOf(Exception.class);
        }

        List<JsonNode> statements = awaitStatements("user=alice", 9);
        assertThat(statements).allSatisfy(recorded -> {
            assertThat(recorded.path("user").asText()).isEqualTo("alice");
            assertThat(recorded.path("client").asText()).startsWith("rest/");
            assertThat(recorded.path("catalog").asText()).isEqualTo("default_catalog");
            assertThat(recorded.path("endedAt").isNull()).as(recorded.toString()).isFalse();
        });
        assertThat(statements).extracting(recorded -> recorded.path("kind").asText(null)).containsExactly(
                null, "INSERT", "QUERY", "INSERT", "CREATE_TABLE", "CREATE_TABLE", "CREATE_TABLE", "SET", "SET");

        JsonNode secret = statements.get(5);
        assertThat(secret.path("statement").asText()).contains("'password' = '******'").doesNotContain("hunter2");
        assertThat(secret.path("writes")).extracting(JsonNode::asText).containsExactly(DEFAULT + "hist_secret");

        JsonNode insert = statements.get(3);
        assertThat(insert.path("status").asText()).isEqualTo("FINISHED");
        assertThat(insert.path("reads")).extracting(JsonNode::asText).containsExactly(DEFAULT + "hist_numbers");
        assertThat(insert.path("writes")).extracting(JsonNode::asText).containsExactly(DEFAULT + "hist_sink");
        assertThat(insert.path("flinkJobId").asText()).matches("[0-9a-f]{32}");
        assertThat(insert.path("durationMillis").asLong()).isNotNegative();

        JsonNode query = statements.get(2);
        assertThat(query.path("status").asText()).isEqualTo("FINISHED");
        assertThat(query.path("rows").asLong()).isEqualTo(25);

        JsonNode failed = statements.get(1);
        assertThat(failed.path("status").asText()).isEqualTo("ERROR");
        assertThat(failed.path("error").asText()).contains("hist_secret").doesNotContain("hunter2");

        JsonNode unparsable = statements.get(0);
        assertThat(unparsable.path("status").asText()).isEqualTo("ERROR");
        assertThat(unparsable.path("analysisError").asText()).startsWith("SYNTAX_ERROR");
        assertThat(unparsable.path("error").asText()).isNotEmpty();

        // Filters, and pages that add up to the whole.
        assertThat(ids(list("user=alice&table=hist_numbers")))
                .containsExactly(id(failed), id(query), id(insert), id(statements.get(6)));
        assertThat(ids(list("user=alice&kind=query"))).containsExactly(id(query));
        assertThat(ids(list("user=alice&status=ERROR"))).containsExactly(id(unparsable), id(failed));
        assertThat(ids(list("user=alice&from=" + query.path("startedAt").asText() + "&to="
                + encode(failed.path("startedAt").asText())))).containsExactly(id(query));
        assertThat(list("user=bob").path("statements")).isEmpty();
        List<String> paged = new ArrayList<>();
        JsonNode page = list("user=alice&limit=4");
        paged.addAll(ids(page));
        while (!page.path("nextCursor").isNull()) {
            page = list("user=alice&limit=4&cursor=" + encode(page.path("nextCursor").asText()));
            paged.addAll(ids(page));
        }
        assertThat(paged).isEqualTo(statements.stream().map(StatementHistoryIT::id).toList());

        assertThat(json(server.get("/api/v1/statements/" + id(query)), 200).path("rows").asLong()).isEqualTo(25);
        assertThat(json(server.get("/api/v1/statements/no-such-statement"), 404).path("code").asText())
                .isEqualTo("NOT_FOUND");
        assertThat(json(server.get("/api/v1/statements?kind=SELECTS"), 400).path("message").asText())
                .contains("kind must be one of");
    }

    @Test
    void tracesLineageThroughInsertsAndAManagedJob() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute("SET 'table.dml-sync' = 'true'");
            statement.execute("CREATE TABLE lin_a (k INT, v STRING) WITH ('connector' = 'datagen',"
                    + " 'number-of-rows' = '10')");
            statement.execute(fileTable("lin_b"));
            statement.execute(fileTable("lin_c"));
            statement.execute("CREATE TABLE lin_d (k INT, v STRING) WITH ('connector' = 'blackhole')");
            statement.execute("INSERT INTO lin_b SELECT k, v FROM lin_a");
            statement.execute("INSERT INTO lin_c SELECT k, v FROM lin_b WHERE k > 0");
        }
        HttpResponse<String> promoted = server.post("/api/v1/jobs", JSON.writeValueAsString(Map.of(
                "name", "lineage-c-to-d", "statement", "INSERT INTO lin_d SELECT k, v FROM lin_c")));
        JsonNode job = json(promoted, 201);

        JsonNode lineage = awaitJson("/api/v1/lineage?table=" + DEFAULT + "lin_b",
                answer -> answer.path("upstream").size() == 1 && answer.path("downstream").size() == 2);
        assertThat(lineage.path("upstream")).extracting(JsonNode::asText).containsExactly(DEFAULT + "lin_a");
        assertThat(lineage.path("downstream")).extracting(JsonNode::asText)
                .containsExactly(DEFAULT + "lin_c", DEFAULT + "lin_d");
        assertThat(lineage.path("edges")).hasSize(3).anySatisfy(edge -> {
            assertThat(edge.path("from").asText()).isEqualTo(DEFAULT + "lin_c");
            assertThat(edge.path("to").asText()).isEqualTo(DEFAULT + "lin_d");
            assertThat(edge.path("via").path("kind").asText()).isEqualTo("JOB");
            assertThat(edge.path("via").path("id").asText()).isEqualTo(job.path("id").asText());
            assertThat(edge.path("via").path("name").asText()).isEqualTo("lineage-c-to-d");
        }).anySatisfy(edge -> {
            assertThat(edge.path("from").asText()).isEqualTo(DEFAULT + "lin_a");
            assertThat(edge.path("via").path("kind").asText()).isEqualTo("STATEMENT");
            assertThat(edge.path("via").path("statements").asLong()).isEqualTo(1);
            String statementId = edge.path("via").path("id").asText();
            assertThat(json(server.get("/api/v1/statements/" + statementId), 200).path("statement").asText())
                    .isEqualTo("INSERT INTO lin_b SELECT k, v FROM lin_a");
        });
        assertThat(lineage.path("nodes")).extracting(node -> node.path("direction").asText() + " "
                + node.path("name").asText() + " " + node.path("distance").asInt())
                .containsExactly("SELF lin_b 0", "UPSTREAM lin_a 1", "DOWNSTREAM lin_c 1", "DOWNSTREAM lin_d 2");

        JsonNode fromTheSource = json(server.get("/api/v1/lineage?table=lin_a&depth=2"), 200);
        assertThat(fromTheSource.path("downstream")).extracting(JsonNode::asText)
                .containsExactly(DEFAULT + "lin_b", DEFAULT + "lin_c");
        assertThat(json(server.get("/api/v1/lineage?table=" + DEFAULT + "lin_d"), 200).path("upstream"))
                .extracting(JsonNode::asText).containsExactly(DEFAULT + "lin_c", DEFAULT + "lin_b", DEFAULT + "lin_a");
        assertThat(json(server.get("/api/v1/lineage?table=a.b.c.d"), 400).path("code").asText())
                .isEqualTo("INVALID_REQUEST");
    }

    @Test
    void searchFindsATableByColumnNameAndCommentRightAfterItsDdl() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE srch_orders (order_id BIGINT,"
                    + " buyer_loyalty_tier STRING COMMENT 'Platinum, gold or silver membership',"
                    + " amount DECIMAL(10, 2)) COMMENT 'Orders placed in the webshop'"
                    + " WITH ('connector' = 'datagen')");
            JsonNode byColumn = search("buyer_loyalty_tier");
            assertThat(byColumn.path("results")).hasSize(1);
            JsonNode column = byColumn.path("results").get(0);
            assertThat(column.path("kind").asText()).isEqualTo("COLUMN");
            assertThat(column.path("table").asText()).isEqualTo("srch_orders");
            assertThat(column.path("catalog").asText()).isEqualTo("default_catalog");
            assertThat(column.path("type").asText()).isEqualTo("STRING");
            assertThat(column.path("connector").asText()).isEqualTo("datagen");
            assertThat(column.path("match").asText()).isEqualTo("EXACT");

            JsonNode byComment = search("webshop");
            assertThat(byComment.path("results").get(0).path("kind").asText()).isEqualTo("TABLE");
            assertThat(byComment.path("results").get(0).path("matchedOn").asText()).isEqualTo("COMMENT");
            assertThat(search("membership").path("results").get(0).path("column").asText())
                    .isEqualTo("buyer_loyalty_tier");
            JsonNode ranked = search("srch_order");
            assertThat(ranked.path("results").get(0).path("kind").asText()).isEqualTo("TABLE");
            assertThat(ranked.path("results").get(0).path("match").asText()).isEqualTo("PREFIX");

            statement.execute("ALTER TABLE srch_orders ADD (coupon_code STRING)");
            assertThat(search("coupon_code").path("results")).hasSize(1);
            assertThat(json(server.get("/api/v1/search?q=buyer_loyalty_tier&catalog=other"), 200).path("results"))
                    .isEmpty();

            statement.execute("ALTER TABLE srch_orders RENAME TO srch_orders_v2");
            assertThat(search("coupon_code").path("results").get(0).path("table").asText())
                    .isEqualTo("srch_orders_v2");
            statement.execute("DROP TABLE srch_orders_v2");
            assertThat(search("coupon_code").path("results")).isEmpty();
        }
        JsonNode refreshed = json(server.send(HttpRequest.newBuilder(
                URI.create(server.managementUrl() + "/api/v1/search/refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 200);
        assertThat(refreshed.path("tables").has("default_catalog")).isTrue();
        assertThat(json(server.get("/api/v1/search?q="), 400).path("code").asText()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void analysesAStatementOrAScriptAndGivesThePositionOfASyntaxError() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE an_orders (id BIGINT, amount INT) WITH ('connector' = 'datagen')");
            statement.execute("CREATE VIEW an_big_orders AS SELECT id, amount FROM an_orders WHERE amount > 100");
        }
        JsonNode insert = analyze("INSERT INTO an_sink SELECT o.id FROM an_big_orders AS o", null);
        assertThat(insert.path("kind").asText()).isEqualTo("INSERT");
        assertThat(insert.path("reads").get(0).path("table").asText()).isEqualTo(DEFAULT + "an_orders");
        assertThat(insert.path("views")).extracting(JsonNode::asText).containsExactly(DEFAULT + "an_big_orders");
        assertThat(insert.path("writes").get(0).path("table").asText()).isEqualTo(DEFAULT + "an_sink");

        JsonNode script = analyze("USE CATALOG other;\nDROP TABLE db.t;\nSELECT 1", null);
        assertThat(script.path("kind").asText()).isEqualTo("SCRIPT");
        assertThat(script.path("statements")).extracting(node -> node.path("kind").asText())
                .containsExactly("USE_CATALOG", "DROP_TABLE", "QUERY");
        assertThat(script.path("writes").get(0).path("table").asText()).isEqualTo("other.db.t");

        HttpResponse<String> error = server.post("/api/v1/sql/analyze",
                JSON.writeValueAsString(Map.of("statement", "SELECT a\nFROM t\nWHERE a >>> 1")));
        JsonNode body = json(error, 400);
        assertThat(body.path("code").asText()).isEqualTo("INVALID_STATEMENT");
        assertThat(body.path("details").path("line").asInt()).isEqualTo(3);
        assertThat(body.path("details").path("column").asInt()).isPositive();
    }

    private static String fileTable(String name) throws Exception {
        Path directory = Files.createDirectories(files.resolve(name));
        return "CREATE TABLE " + name + " (k INT, v STRING) WITH ('connector' = 'filesystem', 'path' = '"
                + directory.toUri() + "', 'format' = 'json')";
    }

    private static JsonNode analyze(String statement, String catalog) throws Exception {
        Map<String, String> body = catalog == null ? Map.of("statement", statement)
                : Map.of("statement", statement, "catalog", catalog);
        return json(server.post("/api/v1/sql/analyze", JSON.writeValueAsString(body)), 200);
    }

    private static JsonNode search(String query) throws Exception {
        return json(server.get("/api/v1/search?q=" + encode(query)), 200);
    }

    /** The statements of a filter once at least {@code count} are recorded and all have ended. */
    private static List<JsonNode> awaitStatements(String filter, int count) {
        JsonNode page = awaitJson("/api/v1/statements?limit=100&" + filter, answer -> {
            JsonNode statements = answer.path("statements");
            if (statements.size() < count) {
                return false;
            }
            for (JsonNode statement : statements) {
                if (statement.path("status").asText().equals("RUNNING")) {
                    return false;
                }
            }
            return true;
        });
        List<JsonNode> statements = new ArrayList<>();
        page.path("statements").forEach(statements::add);
        return statements;
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = json(server.get(path), 200);
            return ready.test(last[0]);
        });
        return last[0];
    }

    private static JsonNode list(String filter) throws Exception {
        return json(server.get("/api/v1/statements?" + filter), 200);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("statements").forEach(statement -> ids.add(id(statement)));
        return ids;
    }

    private static String id(JsonNode statement) {
        return statement.path("id").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
