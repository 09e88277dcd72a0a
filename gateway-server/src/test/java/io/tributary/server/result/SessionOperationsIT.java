package io.tributary.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.testing.TestServer;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An endless source (100 rows/s): a streaming query over it never ends by itself. */
    private static final String ENDLESS = "CREATE TEMPORARY TABLE endless (k BIGINT, name STRING) WITH ("
            + "'connector' = 'datagen', 'rows-per-second' = '100', 'fields.name.length' = '3')";
    private static final Pattern JOB = Pattern.compile(
            "\\{\"jid\":\"([0-9a-f]+)\",\"name\":\"((?:[^\"\\\\]|\\\\.)*)\",\"start-time\":[^}]*?\"state\":\"([A-Z]+)\"");

    /** For streamed answers (TestServer's client reads whole bodies as text). */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSessionsConfigurationNeverEchoesCredentials() throws Exception {
        String session = open(Map.of("tributary.user", "ann", "tributary.password", "s3cret-pw",
                "tributary.token", "tok-123", "execution.runtime-mode", "batch"));
        HttpResponse<String> answer = gateway("GET", "/v3/sessions/" + session, null);
        JsonNode properties = json(answer, 200).path("properties");
        assertThat(answer.body()).doesNotContain("s3cret-pw").doesNotContain("tok-123");
        assertThat(properties.path("tributary.password").asText()).isEqualTo("******");
        assertThat(properties.path("tributary.token").asText()).isEqualTo("******");
        assertThat(properties.path("tributary.user").asText()).isEqualTo("ann");
        assertThat(properties.path("execution.runtime-mode").asText()).isEqualTo("batch");
        gateway("DELETE", "/v3/sessions/" + session, null);
    }

    @Test
    void aStatementWithAnExecutionTimeoutRunsAndIsCancelledAtItsTimeout() throws Exception {
        String session = open(Map.of());
        // Within its timeout: the statement runs and its rows come as usual.
        String quick = submit(session, Map.of("statement", "SELECT 42 AS answer", "executionTimeout", 60_000));
        JsonNode rows = firstRows(session, quick);
        assertThat(rows.get(0).path("fields").get(0).asInt()).isEqualTo(42);

        run(session, ENDLESS);
        run(session, "SET 'pipeline.name' = 'execution-timeout-endless'");
        long submitted = System.nanoTime();
        String endless = submit(session, Map.of("statement", "SELECT k FROM endless", "executionTimeout", 3_000));
        String failure = failureOfFetching(session, endless);
        assertThat(Duration.ofNanos(System.nanoTime() - submitted)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(failure).contains("ran longer than its executionTimeout of 3000 ms and was cancelled");
        assertThat(status(session, endless)).isEqualTo("TIMEOUT");
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "CANCELED".equals(jobState("execution-timeout-endless")));
        assertThat(gateway("DELETE", "/v3/sessions/" + session + "/operations/" + endless + "/close", null)
                .statusCode()).isEqualTo(200);
        gateway("DELETE", "/v3/sessions/" + session, null);
    }

    @Test
    void cancelStopsAStreamingQueryWhoseRowsFlow() throws Exception {
        String session = open(Map.of());
        run(session, ENDLESS);
        run(session, "SET 'pipeline.name' = 'cancel-endless'");
        String query = submit(session, Map.of("statement", "SELECT k, name FROM endless"));
        firstRows(session, query);
        assertThat(status(session, query)).isEqualTo("FINISHED");

        HttpResponse<String> cancel = gateway("POST", "/v1/sessions/" + session + "/operations/" + query
                + "/cancel", null);
        assertThat(json(cancel, 200).path("status").asText()).isEqualTo("CANCELED");
        assertThat(status(session, query)).isEqualTo("CANCELED");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "CANCELED".equals(jobState("cancel-endless")));
        assertThat(failureOfFetching(session, query)).contains("was cancelled");
        // Cancelling again changes nothing; closing frees it.
        assertThat(gateway("POST", "/v1/sessions/" + session + "/operations/" + query + "/cancel", null)
                .statusCode()).isEqualTo(200);
        assertThat(gateway("DELETE", "/v3/sessions/" + session + "/operations/" + query + "/close", null)
                .statusCode()).isEqualTo(200);
        JsonNode history = json(server.get("/api/v1/statements/" + query), 200);
        assertThat(history.path("status").asText()).isEqualTo("CANCELED");
        gateway("DELETE", "/v3/sessions/" + session, null);
    }

    @Test
    void theResultStreamHandsOutEveryRowDenselyToTheSessionOnly() throws Exception {
        String session = open(Map.of("execution.runtime-mode", "batch"));
        int count = 20_000;
        run(session, "CREATE TEMPORARY TABLE numbers (k BIGINT, name STRING) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '" + count + "', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
                + " 'fields.k.end' = '" + count + "', 'fields.name.length' = '4', 'rows-per-second' = '1000000')");
        String query = submit(session, Map.of("statement", "SELECT k, name FROM numbers"));
        String path = "/api/v1/sessions/" + session + "/operations/" + query + "/rows?token=0";

        HttpResponse<String> stranger = server.get("/api/v1/sessions/" + UUID.randomUUID() + "/operations/" + query
                + "/rows");
        assertThat(json(stranger, 404).path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(json(server.get("/api/v1/sessions/" + session + "/operations/" + UUID.randomUUID() + "/rows"),
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
        JsonNode history = json(server.get("/api/v1/statements/" + query), 200);
        assertThat(history.path("status").asText()).isEqualTo("FINISHED");
        assertThat(history.path("rows").asLong()).isEqualTo(count);
        gateway("DELETE", "/v3/sessions/" + session, null);
    }

    private static String string(DataInputStream in) throws Exception {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String open(Map<String, String> properties) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionName", "operations-it");
        body.put("properties", properties);
        return json(gateway("POST", "/v3/sessions", body), 200).path("sessionHandle").asText();
    }

    private static String submit(String session, Map<String, Object> body) throws Exception {
        return json(gateway("POST", "/v3/sessions/" + session + "/statements", body), 200).path("operationHandle")
                .asText();
    }

    /** Runs a statement and waits until it finished. */
    private static void run(String session, String statement) throws Exception {
        String operation = submit(session, Map.of("statement", statement));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !status(session, operation).matches("RUNNING|PENDING|INITIALIZED"));
        assertThat(status(session, operation)).as(statement).isEqualTo("FINISHED");
        gateway("DELETE", "/v3/sessions/" + session + "/operations/" + operation + "/close", null);
    }

    private static String status(String session, String operation) throws Exception {
        return json(gateway("GET", "/v3/sessions/" + session + "/operations/" + operation + "/status", null), 200)
                .path("status").asText();
    }

    /** Follows the result pages until a page has rows; returns them. */
    private static JsonNode firstRows(String session, String operation) throws Exception {
        String path = "/v3/sessions/" + session + "/operations/" + operation + "/result/0?rowFormat=JSON";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = json(gateway("GET", path, null), 200);
            JsonNode data = page.path("results").path("data");
            if (data.isArray() && !data.isEmpty()) {
                return data;
            }
            path = page.path("nextResultUri").asText(path);
            Thread.sleep(50);
        }
        throw new AssertionError("no rows within 90 s");
    }

    /** Follows the result pages until the gateway answers an error; returns the error's text. */
    private static String failureOfFetching(String session, String operation) throws Exception {
        String path = "/v3/sessions/" + session + "/operations/" + operation + "/result/0?rowFormat=JSON";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = gateway("GET", path, null);
            if (answer.statusCode() != 200) {
                return answer.body();
            }
            String next = JSON.readTree(answer.body()).path("nextResultUri").asText(null);
            if (next == null) {
                throw new AssertionError("the result ended without the expected failure");
            }
            path = next;
            Thread.sleep(50);
        }
        throw new AssertionError("no failure within 90 s");
    }

    private static String jobState(String name) {
        HttpResponse<String> overview = server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.flinkPort() + "/jobs/overview")).GET().build());
        Matcher job = JOB.matcher(overview.body());
        while (job.find()) {
            if (job.group(2).equals(name)) {
                return job.group(3);
            }
        }
        return null;
    }

    private static HttpResponse<String> gateway(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.gatewayUrl() + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return server.send(request.build());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
