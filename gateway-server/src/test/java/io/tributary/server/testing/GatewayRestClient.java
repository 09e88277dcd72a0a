package io.tributary.server.testing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Flink's SQL Gateway REST protocol (v3) spoken to a test server, as Flink's own clients speak it: sessions,
 * statements, their status, their result pages and their failures, plus the server's embedded cluster's jobs.
 */
public final class GatewayRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RESULT_WAIT = Duration.ofSeconds(120);

    private final TestServer server;
    private final String sessionName;

    public GatewayRestClient(TestServer server, String sessionName) {
        this.server = requireNonNull(server, "server is null");
        this.sessionName = requireNonNull(sessionName, "sessionName is null");
    }

    public String open(Map<String, String> properties) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionName", sessionName);
        body.put("properties", properties);
        return json(send("POST", "/v3/sessions", body), 200).path("sessionHandle").asText();
    }

    public void close(String session) throws Exception {
        send("DELETE", "/v3/sessions/" + session, null);
    }

    public String submit(String session, Map<String, Object> body) throws Exception {
        return json(send("POST", "/v3/sessions/" + session + "/statements", body), 200).path("operationHandle")
                .asText();
    }

    public String submit(String session, String statement) throws Exception {
        return submit(session, Map.of("statement", statement));
    }

    /** Runs a statement, waits until it finished and closes it. */
    public void run(String session, String statement) throws Exception {
        String operation = submit(session, statement);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !status(session, operation).matches("RUNNING|PENDING|INITIALIZED"));
        assertThat(status(session, operation)).as(statement).isEqualTo("FINISHED");
        send("DELETE", "/v3/sessions/" + session + "/operations/" + operation + "/close", null);
    }

    public String status(String session, String operation) throws Exception {
        return json(send("GET", "/v3/sessions/" + session + "/operations/" + operation + "/status", null), 200)
                .path("status").asText();
    }

    /** Follows the result pages until a page has rows; returns them. */
    public JsonNode firstRows(String session, String operation) throws Exception {
        String path = resultPath(session, operation, "JSON");
        long deadline = System.nanoTime() + RESULT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = json(send("GET", path, null), 200);
            JsonNode data = page.path("results").path("data");
            if (data.isArray() && !data.isEmpty()) {
                return data;
            }
            path = page.path("nextResultUri").asText(path);
            Thread.sleep(50);
        }
        throw new AssertionError("no rows within " + RESULT_WAIT);
    }

    /** Every row of the result in a row format, page after page until its end. */
    public List<JsonNode> allRows(String session, String operation, String format) throws Exception {
        String path = resultPath(session, operation, format);
        List<JsonNode> rows = new ArrayList<>();
        long deadline = System.nanoTime() + RESULT_WAIT.toNanos();
        while (path != null && System.nanoTime() < deadline) {
            JsonNode page = json(send("GET", path, null), 200);
            page.path("results").path("data").forEach(rows::add);
            path = page.hasNonNull("nextResultUri") ? page.path("nextResultUri").asText() : null;
        }
        assertThat(path).as("the result ended within " + RESULT_WAIT).isNull();
        return rows;
    }

    /** Follows the result pages until the gateway answers an error; returns the error's text. */
    public String failureOfFetching(String session, String operation) throws Exception {
        String path = resultPath(session, operation, "JSON");
        long deadline = System.nanoTime() + RESULT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = send("GET", path, null);
            if (answer.statusCode() != 200) {
                return answer.body();
            }
            String next = JSON.readTree(answer.body()).path("nextResultUri").asText(null);
            if (next == null) {
                throw new AssertionError("the result ended without the expected failure");
            }
            path = next;
            Thread.sleep(20);
        }
        throw new AssertionError("no failure within " + RESULT_WAIT);
    }

    /** The embedded cluster's job of that name, waiting for it to appear; its id. */
    public String jobId(String name) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jobNamed(name) != null);
        return jobNamed(name).path("jid").asText();
    }

    /** The state of the embedded cluster's job of that name, null while there is none. */
    public String jobStateByName(String name) throws Exception {
        JsonNode job = jobNamed(name);
        return job == null ? null : job.path("state").asText();
    }

    public String jobState(String id) throws Exception {
        return JSON.readTree(flink("/jobs/" + id).body()).path("state").asText();
    }

    public HttpResponse<String> flink(String path) {
        return server.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.flinkPort() + path))
                .GET().build());
    }

    public HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.gatewayUrl() + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return server.send(request.build());
    }

    public static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private JsonNode jobNamed(String name) throws Exception {
        for (JsonNode job : JSON.readTree(flink("/jobs/overview").body()).path("jobs")) {
            if (job.path("name").asText().equals(name)) {
                return job;
            }
        }
        return null;
    }

    private static String resultPath(String session, String operation, String format) {
        return "/v3/sessions/" + session + "/operations/" + operation + "/result/0?rowFormat=" + format;
    }
}
