package io.tributary.benchmarks.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * JSON over HTTP for the REST APIs around the gateways (Tributary's management API, Flink's cluster REST API),
 * through the same persistent HTTP/1.1 client the SQL Gateway client uses.
 */
public final class JsonHttp {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration requestTimeout;

    public JsonHttp(HttpClient http, ObjectMapper json, Duration requestTimeout) {
        this.http = requireNonNull(http, "http is null");
        this.json = requireNonNull(json, "json is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
    }

    public ObjectMapper json() {
        return json;
    }

    /** Sends a request ({@code body} null for none) and returns the answer whatever its status. */
    public JsonAnswer send(String method, URI uri, JsonNode body) throws IOException, InterruptedException {
        requireNonNull(method, "method is null");
        requireNonNull(uri, "uri is null");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        var response = http.send(request.build(), BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode parsed;
        try {
            parsed = text.isBlank() ? MissingNode.getInstance() : json.readTree(text);
        } catch (IOException notJson) {
            parsed = MissingNode.getInstance();
        }
        return new JsonAnswer(method + " " + uri.getRawPath(), response.statusCode(), parsed, text);
    }
}
