package io.tributary.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.testing.GatewayRestClient;
import io.tributary.server.testing.TestServer;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flink's REST protocol and Tributary's result stream against a real server: a session's configuration never
 * echoes a password, a statement with an executionTimeout runs and is cancelled at its timeout, a streaming query
 * whose rows flow can be cancelled (its Flink job is cancelled), and the dense result stream hands out a result
 * only to the holder of its session.
 */
class SessionOperationsIT {

    /** An endless source (100 rows/s): a streaming query over it never ends by itself. */
    private static final String ENDLESS = "CREATE TEMPORARY TABLE endless (k BIGINT, name STRING) WITH ("
            + "'connector' = 'datagen', 'rows-per-second' = '100', 'fields.name.length' = '3')";

    /** For streamed answers (TestServer's client reads whole bodies as text). */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestServer server;
    private static GatewayRestClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = new GatewayRestClient(server, "operations-it");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSessionsConfigurationNeverEchoesCredentials() throws Exception {
        String session = client.open(Map.of("tributary.user", "ann", "tributary.password", "s3cret-pw",
                "tributary.token", "tok-123", "execution.runtime-mode", "batch"));
        HttpResponse<String> answer = client.send("GET", "/v3/sessions/" + session, null);
        JsonNode properties = GatewayRestClient.json(answer, 200).path("properties");
        assertThat(answer.body()).doesNotContain("s3cret-pw").doesNotContain("tok-123");
        assertThat(properties.path("tributary.password").asText()).isEqualTo("******");
        assertThat(properties.path("tributary.token").asText()).isEqualTo("******");
        assertThat(properties.path("tributary.user").asText()).isEqualTo("ann");
        assertThat(properties.path("execution.runtime-mode").asText()).isEqualTo("batch");
        client.send("DELETE", "/v3/sessions/" + session, null);
    }

    @Test
    void aStatementWithAnExecutionTimeoutRunsAndIsCancelledAtItsTimeout() throws Exception {
        String session = client.open(Map.of());
        // Within its timeout: the statement runs and its rows come as usual.
        String quick = client.submit(session, Map.of("statement", "SELECT 42 AS answer", "executionTimeout", 60_000));
        JsonNode rows = client.firstRows(session, quick);
        assertThat(rows.get(0).path("fields").get(0).asInt()).isEqualTo(42);

        client.run(session, ENDLESS);
        client.run(session, "SET 'pipeline.name' = 'execution-timeout-endless'");
        long submitted = System.nanoTime();
        String endless = client.submit(session, Map.of("statement", "SELECT k FROM endless",
                "executionTimeout", 3_000));
        String failure = client.failureOfFetching(session, endless);
        assertThat(Duration.ofNanos(System.nanoTime() - submitted)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(failure).contains("ran longer than its executionTimeout of 3000 ms and was cancelled");
        assertThat(client.status(session, endless)).isEqualTo("TIMEOUT");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "CANCELED".equals(client.jobStateByName("execution-timeout-endless")));
        assertThat(client.send("DELETE", "/v3/sessions/" + session + "/operations/" + endless + "/close", null)
                .statusCode()).isEqualTo(200);
        client.send("DELETE", "/v3/sessions/" + session, null);
    }

    @Test
    void cancelStopsAStreamingQueryWhoseRowsFlow() throws Exception {
        String session = client.open(Map.of());
        client.run(session, ENDLESS);
        client.run(session, "SET 'pipeline.name' = 'cancel-endless'");
        String query = client.submit(session, Map.of("statement", "SELECT k, name FROM endless"));
        client.firstRows(session, query);
        assertThat(client.status(session, query)).isEqualTo("FINISHED");

        HttpResponse<String> cancel = client.send("POST", "/v1/sessions/" + session + "/operations/" + query
                + "/cancel", null);
        assertThat(GatewayRestClient.json(cancel, 200).path("status").asText()).isEqualTo("CANCELED");
        assertThat(client.status(session, query)).isEqualTo("CANCELED");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "CANCELED".equals(client.jobStateByName("cancel-endless")));
        assertThat(client.failureOfFetching(session, query)).contains("was cancelled");
        // Cancelling again changes nothing; closing frees it.
        assertThat(client.send("POST", "/v1/sessions/" + session + "/operations/" + query + "/cancel", null)
                .statusCode()).isEqualTo(200);
        assertThat(client.send("DELETE", "/v3/sessions/" + session + "/operations/" + query + "/close", null)
                .statusCode()).isEqualTo(200);
        JsonNode history = GatewayRestClient.json(server.get("/api/v1/statements/" + query), 200);
        assertThat(history.path("status").asText()).isEqualTo("CANCELED");
        client.send("DELETE", "/v3/sessions/" + session, null);
    }

    @Test
    void theResultStreamHandsOutEveryRowDenselyToTheSessionOnly() throws Exception {
        String session = client.open(Map.of("execution.runtime-mode", "batch"));
        int count = 20_000;
        client.run(session, "CREATE TEMPORARY TABLE numbers (k BIGINT, name STRING) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '" + count + "', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
                + " 'fields.k.end' = '" + count + "', 'fields.name.length' = '4', 'rows-per-second' = '1000000')");
        String query = client.submit(session, Map.of("statement", "SELECT k, name FROM numbers"));
        String path = "/api/v1/sessions/" + session + "/operations/" + query + "/rows?token=0";

        HttpResponse<String> stranger = server.get("/api/v1/sessions/" + UUID.randomUUID() + "/operations/" + query
                + "/rows");
        assertThat(GatewayRestClient.json(stranger, 404).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(GatewayRestClient.json(server.get("/api/v1/sessions/" + session + "/operations/"
                + UUID.randomUUID() + "/rows"),
                404).path("code").asText()).isEqualTo("NOT_FOUND");

        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(server.managementUrl()
                + path)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith(RowFrameWriter.MEDIA_TYPE);
        long rows = 0;
        long sum = 0;
        int pages = 0;
        try (DataInputStream in = new DataInputStream(stream.body())) {
            assertThat(in.readByte()).isEqualTo((byte) 'C');
            assertThat(in.readUnsignedShort()).isEqualTo(2);
            assertThat(string(in)).isEqualTo("k");
            assertThat(string(in)).isEqualTo("BIGINT");
            assertThat(string(in)).isEqualTo("name");
            assertThat(string(in)).isEqualTo("STRING");
            while (true) {
                byte frame = in.readByte();
                if (frame == 'E') {
                    break;
                }
                if (frame == 'K') {
                    continue;
                }
                assertThat(frame).as("frame").isEqualTo((byte) 'R');
                int size = in.readInt();
                in.readLong();
                pages++;
                for (int i = 0; i < size; i++) {
                    assertThat(in.readByte()).as("row kind +I").isEqualTo((byte) 0);
                    assertThat(in.readByte()).as("k is set").isEqualTo((byte) 1);
                    sum += in.readLong();
                    assertThat(in.readByte()).as("name is set").isEqualTo((byte) 1);
                    assertThat(string(in)).hasSize(4);
                    rows++;
                }
            }
            assertThat(in.read()).as("nothing after the end").isEqualTo(-1);
        }
        assertThat(rows).isEqualTo(count);
        assertThat(sum).isEqualTo((long) count * (count + 1) / 2);
        assertThat(pages).isGreaterThan(1);
        JsonNode history = GatewayRestClient.json(server.get("/api/v1/statements/" + query), 200);
        assertThat(history.path("status").asText()).isEqualTo("FINISHED");
        assertThat(history.path("rows").asLong()).isEqualTo(count);
        client.send("DELETE", "/v3/sessions/" + session, null);
    }

    private static String string(DataInputStream in) throws Exception {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }









}
