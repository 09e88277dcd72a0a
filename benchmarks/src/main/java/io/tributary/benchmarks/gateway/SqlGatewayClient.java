package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of Flink's SQL Gateway REST protocol (API v2, rows as JSON), the same for every server it measures:
 * one persistent HTTP/1.1 client, no fixed waits.
 */
public final class SqlGatewayClient {

    private static final String API = "/v2";
    private static final String SESSION_NAME = "tributary-bench";
    private static final String CAUSE = "Caused by: ";
    private static final int MAX_ERROR_LENGTH = 1_000;

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration requestTimeout;

    public SqlGatewayClient(HttpClient http, ObjectMapper json, Duration requestTimeout) {
        this.http = requireNonNull(http, "http is null");
        this.json = requireNonNull(json, "json is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
    }

    /** An HTTP client as the benchmark uses it: HTTP/1.1 with keep-alive, bounded connect time. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requireNonNull(connectTimeout, "connectTimeout is null"))
                .build();
    }

    public GatewaySession openSession(URI endpoint) throws IOException, InterruptedException {
        requireNonNull(endpoint, "endpoint is null");
        ObjectNode body = json.createObjectNode().put("sessionName", SESSION_NAME);
        JsonNode response = send(endpoint, "POST", API + "/sessions", body);
        return new GatewaySession(this, endpoint, requiredText(response, "sessionHandle"));
    }

    String executeStatement(URI endpoint, String session, String statement) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode().put("statement", statement);
        JsonNode response = send(endpoint, "POST", API + "/sessions/" + session + "/statements", body);
        return requiredText(response, "operationHandle");
    }

    String firstResultPath(String session, String operation) {
        return API + "/sessions/" + session + "/operations/" + operation + "/result/0?rowFormat=JSON";
    }

    ResultPage fetchResults(URI endpoint, String resultPath) throws IOException, InterruptedException {
        return ResultPage.fromJson(send(endpoint, "GET", resultPath, null));
    }

    void closeOperation(URI endpoint, String session, String operation) throws IOException, InterruptedException {
        send(endpoint, "DELETE", API + "/sessions/" + session + "/operations/" + operation + "/close", null);
    }

    void closeSession(URI endpoint, String session) throws IOException, InterruptedException {
        send(endpoint, "DELETE", API + "/sessions/" + session, null);
    }

    private JsonNode send(URI endpoint, String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(requestTimeout);
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        var response = http.send(request.build(), BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new GatewayRequestException(method + " " + path, response.statusCode(),
                    errorSummary(response.body()));
        }
        return json.readTree(response.body());
    }

    /**
     * The gist of an error answer: Flink puts a generic message and the whole server-side stack trace into its
     * {@code errors} array; the first message and the deepest cause say what happened.
     */
    private String errorSummary(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode errors = json.readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                StringBuilder all = new StringBuilder();
                errors.forEach(error -> all.append(error.asText()).append('\n'));
                int cause = all.lastIndexOf(CAUSE);
                if (cause < 0) {
                    return errors.get(0).asText();
                }
                return errors.get(0).asText() + " " + all.substring(cause, all.indexOf("\n", cause));
            }
        } catch (IOException notJson) {
            // Not Flink's error format: show the start of the raw answer.
        }
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    private static String requiredText(JsonNode response, String field) throws IOException {
        JsonNode value = response.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("the gateway's answer has no " + field + ": " + response);
        }
        return value.asText();
    }
}
