package io.tributary.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.json.JsonException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One session of Flink's SQL Gateway REST protocol (v3): open and close, its properties, statements, their result
 * pages, cancel and close. Thread-safe: {@code cancel} comes from another thread than the reads.
 */
public final class GatewayClient {

    private final HttpTransport transport;
    private final String session;

    private GatewayClient(HttpTransport transport, String session) {
        this.transport = requireNonNull(transport, "transport is null");
        this.session = requireNonNull(session, "session is null");
    }

    /** Opens a session with these properties (Flink options, and the driver's tributary.* properties). */
    public static GatewayClient open(HttpTransport transport, String sessionName, Map<String, String> properties)
            throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionName", sessionName);
        body.put("properties", properties);
        HttpTransport.Response response = transport.post("/v3/sessions", body);
        check(response, null);
        Object handle = response.object().get("sessionHandle");
        if (!(handle instanceof String)) {
            throw Errors.of(ErrorCode.PROTOCOL_ERROR, transport.baseUrl() + " did not open a session: "
                    + response.text() + " (is this the gateway port of a Tributary server?)");
        }
        return new GatewayClient(transport, (String) handle);
    }

    public String session() {
        return session;
    }

    public String baseUrl() {
        return transport.baseUrl();
    }

    /** The session's properties: its Flink configuration, and the server's own (tributary.management-url). */
    public Map<String, String> properties() throws SQLException {
        HttpTransport.Response response = transport.get(sessionPath());
        check(response, null);
        Map<String, String> properties = new LinkedHashMap<>();
        Object members = response.object().get("properties");
        if (members instanceof Map) {
            ((Map<?, ?>) members).forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        }
        return properties;
    }

    /** Flink's version as the gateway reports it (GET /v1/info). */
    public String serverVersion() throws SQLException {
        HttpTransport.Response response = transport.get("/v1/info");
        check(response, null);
        Object version = response.object().get("version");
        return version == null ? "unknown" : String.valueOf(version);
    }

    public void heartbeat() throws SQLException {
        check(transport.post(sessionPath() + "/heartbeat", Map.of()), null);
    }

    public void close() throws SQLException {
        HttpTransport.Response response = transport.delete(sessionPath());
        if (response.status() != 404) {
            check(response, null);
        }
    }

    /**
     * Submits a statement; returns its operation id. An executionTimeout (milliseconds, 0: none) is for Tributary
     * servers only: Flink 1.20's own gateway rejects any ("SqlGatewayService doesn't support timeout mechanism
     * now").
     */
    public String submit(String statement, Map<String, String> executionConfig, long executionTimeoutMillis)
            throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", statement);
        if (executionTimeoutMillis > 0) {
            body.put("executionTimeout", executionTimeoutMillis);
        }
        if (!executionConfig.isEmpty()) {
            body.put("executionConfig", executionConfig);
        }
        HttpTransport.Response response = transport.post(sessionPath() + "/statements", body);
        check(response, null);
        Object handle = response.object().get("operationHandle");
        if (!(handle instanceof String)) {
            throw Errors.of(ErrorCode.PROTOCOL_ERROR, "the server accepted the statement but named no operation: "
                    + response.text());
        }
        return (String) handle;
    }

    /** The path of an operation's first result page. */
    public String firstPage(String operation) {
        return sessionPath() + "/operations/" + operation + "/result/0?rowFormat=JSON";
    }

    /** Fetches a result page asynchronously; failures complete the future with an SQLException. */
    public CompletableFuture<ResultPage> fetchAsync(String pagePath, String operation) {
        return transport.getAsync(pagePath).thenApply(response -> {
            try {
                check(response, operation);
                return ResultPage.read(response.object());
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            } catch (JsonException | ClassCastException e) {
                throw new java.util.concurrent.CompletionException(Errors.of(ErrorCode.PROTOCOL_ERROR,
                        "unreadable result page for operation " + operation + ": " + e.getMessage(), e));
            }
        });
    }

    public ResultPage fetch(String pagePath, String operation) throws SQLException {
        CompletableFuture<ResultPage> pending = fetchAsync(pagePath, operation);
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.of(ErrorCode.CANCELLED, "interrupted while fetching operation " + operation, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw transport.networkFailure(e.getCause(), pagePath);
        }
    }

    /**
     * Asks the gateway to cancel an operation: a Tributary server cancels it in every state, a query whose rows
     * stream included (its job is cancelled, the operation is CANCELED). Flink 1.20's own gateway refuses (HTTP 500)
     * once the operation has finished, which a streaming query's has as soon as its rows flow: there only {@link
     * #closeOperation} stops the job. Returns whether the gateway accepted.
     */
    public boolean cancel(String operation) throws SQLException {
        return transport.post(sessionPath() + "/operations/" + operation + "/cancel", Map.of()).ok();
    }

    /** Closes an operation and frees its results on the server (cancelling its job if it still runs). */
    public void closeOperation(String operation) throws SQLException {
        transport.delete(sessionPath() + "/operations/" + operation + "/close");
    }

    /** The token of a result page's path ({@code .../result/{token}?rowFormat=JSON}), or -1. */
    public static long token(String pagePath) {
        if (pagePath == null) {
            return -1;
        }
        int start = pagePath.lastIndexOf("/result/");
        if (start < 0) {
            return -1;
        }
        int end = pagePath.indexOf('?', start);
        try {
            return Long.parseLong(pagePath.substring(start + "/result/".length(), end < 0 ? pagePath.length() : end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String sessionPath() {
        return "/v3/sessions/" + session;
    }

    /** A non-2xx answer as an SQLException: the gateway's "errors" list, classified. */
    static void check(HttpTransport.Response response, String operation) throws SQLException {
        if (response.ok()) {
            return;
        }
        if (response.status() == 401 || response.status() == 403) {
            throw Errors.of(ErrorCode.AUTHENTICATION_FAILED, "the server refused the credentials (HTTP "
                    + response.status() + "): " + response.text());
        }
        Object errors = response.object().get("errors");
        StringBuilder text = new StringBuilder();
        if (errors instanceof List) {
            for (Object error : (List<?>) errors) {
                text.append(error).append('\n');
            }
        } else {
            text.append(response.text());
        }
        throw Errors.fromGateway(text.toString(), operation);
    }
}
