package io.tributary.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.json.JsonException;
import io.tributary.jdbc.json.JsonReader;
import io.tributary.jdbc.json.JsonWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * JSON over HTTP/1.1 to one server, on the JDK's HttpClient: its connections are persistent and reused by every
 * request of the connection, and requests can run asynchronously (the next result page is fetched while the
 * application reads the current one).
 */
public final class HttpTransport {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final Map<String, String> headers;

    public HttpTransport(HttpClient http, String baseUrl, Duration requestTimeout, Map<String, String> headers) {
        this.http = requireNonNull(http, "http is null");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null").replaceAll("/+$", "");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        this.headers = Map.copyOf(headers);
    }

    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A response: its status and its body read as JSON (null when empty). */
    public static final class Response {
        private final int status;
        private final Object body;
        private final String text;

        Response(int status, Object body, String text) {
            this.status = status;
            this.body = body;
            this.text = text;
        }

        public int status() {
            return status;
        }

        public Object body() {
            return body;
        }

        public String text() {
            return text;
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public Map<?, ?> object() {
            return body instanceof Map ? (Map<?, ?>) body : Map.of();
        }
    }

    public Response get(String path) throws SQLException {
        return await(getAsync(path), path);
    }

    public CompletableFuture<Response> getAsync(String path) {
        return send(jsonRequest(path).GET().build());
    }

    /**
     * A GET whose body is read as it arrives (the dense result stream): completes when the answer's headers are
     * in. The request timeout covers only those; the body may flow for as long as the result does.
     */
    public CompletableFuture<HttpResponse<java.io.InputStream>> stream(String path, String accept) {
        return http.sendAsync(request(path).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    public Response post(String path, Object body) throws SQLException {
        String json = body == null ? "{}" : JsonWriter.write(body);
        return await(send(jsonRequest(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build()), path);
    }

    public Response delete(String path) throws SQLException {
        return await(send(jsonRequest(path).DELETE().build()), path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout);
        headers.forEach(builder::header);
        return builder;
    }

    private HttpRequest.Builder jsonRequest(String path) {
        return request(path).header("Accept", "application/json");
    }

    private CompletableFuture<Response> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Response(response.statusCode(), parse(response.body()), response.body()));
    }

    private static Object parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JsonReader.parse(text);
        } catch (JsonException e) {
            return text;
        }
    }

    /** Waits for a response; failures of the network become SQLExceptions with 08xxx states. */
    public Response await(CompletableFuture<Response> pending, String path) throws SQLException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw Errors.of(ErrorCode.CANCELLED, "interrupted while waiting for " + baseUrl + path, e);
        } catch (ExecutionException | CompletionException e) {
            throw networkFailure(e.getCause() == null ? e : e.getCause(), path);
        }
    }

    public SQLException networkFailure(Throwable failure, String path) {
        if (failure instanceof SQLException) {
            return (SQLException) failure;
        }
        if (failure instanceof ConnectException) {
            return Errors.of(ErrorCode.CONNECTION_FAILED, "cannot connect to " + baseUrl + ": "
                    + failure.getMessage() + " (is the Tributary server running, and is this its gateway port?)",
                    failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return Errors.of(ErrorCode.CONNECTION_LOST, "no answer from " + baseUrl + path + " within "
                    + requestTimeout.toSeconds() + " s", failure);
        }
        if (failure instanceof IOException) {
            return Errors.of(ErrorCode.CONNECTION_LOST, "the connection to " + baseUrl + " failed: " + failure,
                    failure);
        }
        return Errors.of(ErrorCode.PROTOCOL_ERROR, "unexpected failure talking to " + baseUrl + ": " + failure,
                failure);
    }

    /**
     * Headers every request carries: the user, the credentials (a token as {@code Bearer}, else user and password
     * as {@code Basic}; never as session properties, which the session's holder can read back) and the client's
     * name.
     */
    public static Map<String, String> headers(String user, String password, String token, String clientName) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (user != null && !user.isEmpty()) {
            headers.put("X-Tributary-User", user);
        }
        if (token != null && !token.isEmpty()) {
            headers.put("Authorization", "Bearer " + token);
        } else if (password != null && !password.isEmpty()) {
            String pair = (user == null ? "" : user) + ":" + password;
            headers.put("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        headers.put("User-Agent", clientName);
        return headers;
    }
}
