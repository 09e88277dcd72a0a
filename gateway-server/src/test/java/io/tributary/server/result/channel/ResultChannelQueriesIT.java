package io.tributary.server.result.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.testing.GatewayRestClient;
import io.tributary.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries on the embedded cluster through result channels, against a real server and its real cluster, through
 * Flink's own REST protocol: every row arrives (and the job's plan shows the channel sink in place of Flink's
 * collect sink), a sorted query keeps its order when the rest of the query runs wider, rows of a streaming query
 * arrive while it runs, a query failing at run time reports its job's failure (and the job does not restart), rows
 * read as text read as Flink's own converter writes them, and what is not a query takes Flink's path unchanged.
 */
class ResultChannelQueriesIT {

    private static final int ROWS = 30_000;

    private static TestServer server;
    private static GatewayRestClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = new GatewayRestClient(server, "result-channel-it");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRowOfABatchQueryArrivesThroughItsResultChannel() throws Exception {
        String session = client.open(Map.of("execution.runtime-mode", "batch"));
        client.run(session, numbers(ROWS));
        client.run(session, "SET 'pipeline.name' = 'channel-batch'");
        String query = client.submit(session, "SELECT k, name FROM numbers");
        List<JsonNode> rows = client.allRows(session, query, "JSON");
        assertThat(rows).hasSize(ROWS);
        assertThat(rows.stream().mapToLong(row -> row.path("fields").get(0).asLong()).sum())
                .isEqualTo((long) ROWS * (ROWS + 1) / 2);
        assertThat(rows.get(0).path("kind").asText()).isEqualTo("INSERT");
        assertThat(rows.get(0).path("fields").get(1).asText()).hasSize(4);

        String job = client.jobId("channel-batch");
        String plan = client.flink("/jobs/" + job + "/plan").body();
        assertThat(plan).contains("result channel").doesNotContain("Collect table sink");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FINISHED".equals(client.jobState(job)));
        client.close(session);
    }

    @Test
    void queriesRunningAtOnceEachGetTheirOwnRows() throws Exception {
        int queries = 4;
        ExecutorService clients = Executors.newFixedThreadPool(queries);
        List<CompletableFuture<Long>> sums = new ArrayList<>();
        for (int i = 1; i <= queries; i++) {
            int count = 5_000 * i;
            sums.add(CompletableFuture.supplyAsync(() -> {
                try {
                    String session = client.open(Map.of("execution.runtime-mode", "batch"));
                    client.run(session, numbers(count));
                    List<JsonNode> rows = client.allRows(session, client.submit(session, "SELECT k FROM numbers"),
                            "JSON");
                    client.close(session);
                    return rows.stream().mapToLong(row -> row.path("fields").get(0).asLong()).sum();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, clients));
        }
        clients.shutdown();
        for (int i = 1; i <= queries; i++) {
            long count = 5_000L * i;
            assertThat(sums.get(i - 1).get(120, TimeUnit.SECONDS)).isEqualTo(count * (count + 1) / 2);
        }
    }

    @Test
    void aSortedQueryKeepsItsOrderWhenTheQueryRunsWider() throws Exception {
        String session = client.open(Map.of("execution.runtime-mode", "batch", "parallelism.default", "2"));
        client.run(session, numbers(ROWS));
        String sorted = client.submit(session, "SELECT k FROM numbers ORDER BY k DESC");
        List<JsonNode> rows = client.allRows(session, sorted, "JSON");
        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).path("fields").get(0).asLong()).isEqualTo(ROWS - i);
        }
        client.close(session);
    }

    @Test
    void rowsOfAStreamingQueryArriveWhileItRuns() throws Exception {
        String session = client.open(Map.of());
        // With an event-time attribute among the columns: the channel's sink takes it as a plain timestamp.
        client.run(session, "CREATE TEMPORARY TABLE slow (k BIGINT, ts AS LOCALTIMESTAMP, "
                + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', "
                + "'rows-per-second' = '2')");
        client.run(session, "SET 'pipeline.name' = 'channel-slow'");
        String query = client.submit(session, "SELECT k, ts FROM slow");
        long started = System.nanoTime();
        String path = "/v3/sessions/" + session + "/operations/" + query + "/result/0?rowFormat=JSON";
        int seen = 0;
        while (seen < 3) {
            JsonNode page = GatewayRestClient.json(client.send("GET", path, null), 200);
            seen += page.path("results").path("data").size();
            path = page.path("nextResultUri").asText();
            Thread.sleep(50);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("three rows at 2 rows/s")
                    .isLessThan(Duration.ofSeconds(30));
        }
        assertThat(client.status(session, query)).isEqualTo("FINISHED");
        String job = client.jobId("channel-slow");
        assertThat(client.jobState(job)).isEqualTo("RUNNING");
        assertThat(client.flink("/jobs/" + job + "/plan").body()).contains("result channel");
        assertThat(client.send("DELETE", "/v3/sessions/" + session + "/operations/" + query + "/close", null)
                .statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELED".equals(client.jobState(job)));
        client.close(session);
    }

    @Test
    void aQueryFailingAtRunTimeReportsItsJobsFailureWithoutRestarting() throws Exception {
        String session = client.open(Map.of("execution.runtime-mode", "batch", "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "100"));
        client.run(session, numbers(ROWS));
        client.run(session, "SET 'pipeline.name' = 'channel-failing'");
        String query = client.submit(session, "SELECT k, 10 / (k - " + (ROWS / 2) + ") AS ratio FROM numbers");
        String failure = client.failureOfFetching(session, query);
        assertThat(failure).contains("/ by zero");
        String job = client.jobId("channel-failing");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(client.jobState(job)));
        client.close(session);
    }

    @Test
    void rowsAsTextReadAsFlinksOwnConverterWritesThem() throws Exception {
        // A session time zone far from the server's: a local-zone timestamp reads in the session's zone.
        String session = client.open(Map.of("table.local-time-zone", "Asia/Tokyo"));
        String query = client.submit(session, "SELECT TRUE, CAST(NULL AS INT), 1.5e0, CAST(1.50 AS DECIMAL(5,2)), "
                + "DATE '2024-01-02', TIME '10:11:12', TIMESTAMP '2024-01-02 10:11:12.5', "
                + "CAST(TIMESTAMP '2024-01-02 10:11:12' AS TIMESTAMP(6)), x'0102', ARRAY[1, 2], MAP['a', 1], "
                + "ROW(1, 'x'), 'str', CAST(2.5 AS FLOAT), CAST(3 AS TINYINT), ARRAY[CAST(NULL AS INT)], "
                + "CAST('ab' AS CHAR(4)), CAST('ab' AS BINARY(3)), "
                + "CAST(TIMESTAMP '2024-01-02 10:11:12.5' AS TIMESTAMP_LTZ(3))");
        List<JsonNode> rows = client.allRows(session, query, "PLAIN_TEXT");
        assertThat(rows).hasSize(1);
        List<String> fields = new ArrayList<>();
        rows.get(0).path("fields").forEach(field -> fields.add(field.isNull() ? null : field.asText()));
        assertThat(fields).containsExactly("TRUE", null, "1.5", "1.50", "2024-01-02", "10:11:12",
                "2024-01-02 10:11:12.5", "2024-01-02 10:11:12.000000", "x'0102'", "[1, 2]", "{a=1}", "(1, x)",
                "str", "2.5", "3", "[NULL]", "ab  ", "x'616200'", "2024-01-02 10:11:12.500");
        client.close(session);
    }

    @Test
    void whatIsNotAQueryTakesFlinksPath() throws Exception {
        String session = client.open(Map.of("execution.runtime-mode", "batch", "table.dml-sync", "true"));
        client.run(session, numbers(100));
        client.run(session, "CREATE TEMPORARY TABLE sink (k BIGINT) WITH ('connector' = 'blackhole')");
        String insert = client.submit(session, "INSERT INTO sink SELECT k FROM numbers");
        List<JsonNode> inserted = client.allRows(session, insert, "JSON");
        assertThat(inserted).hasSize(1);
        assertThat(inserted.get(0).path("fields").get(0).asText()).as("the INSERT's job").matches("[0-9a-f]{32}");

        List<JsonNode> tables = client.allRows(session, client.submit(session, "SHOW TABLES"), "JSON");
        assertThat(tables).extracting(row -> row.path("fields").get(0).asText()).contains("numbers", "sink");

        String wrong = client.submit(session, "SELECT k FROM numbers WHERE");
        assertThat(client.failureOfFetching(session, wrong)).contains("Encountered \\\"<EOF>\\\" at line 1, column 27");
        String unknown = client.submit(session, "SELECT k FROM nowhere");
        assertThat(client.failureOfFetching(session, unknown)).contains("Object 'nowhere' not found");
        client.close(session);
    }

    private static String numbers(int count) {
        return "CREATE TEMPORARY TABLE numbers (k BIGINT, name STRING) WITH ('connector' = 'datagen', "
                + "'number-of-rows' = '" + count + "', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1', "
                + "'fields.k.end' = '" + count + "', 'fields.name.length' = '4', 'rows-per-second' = '1000000')";
    }













}
