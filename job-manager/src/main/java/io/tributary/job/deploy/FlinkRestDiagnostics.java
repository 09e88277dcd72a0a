package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what Flink's REST API tells about a job and its cluster, as JSON, one request per call: the root cause
 * and exception history, checkpoint statistics, the JobManager's and TaskManagers' logs, the jobs overview.
 * Works against any Flink REST endpoint, including one behind YARN's ResourceManager proxy.
 */
public final class FlinkRestDiagnostics {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public FlinkRestDiagnostics(URI base, HttpClient http) {
        String text = requireNonNull(base, "base is null").toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = requireNonNull(http, "http is null");
    }

    public URI base() {
        return base;
    }

    /** {@code /jobs/overview}: every job of the cluster in one request. */
    public JsonNode jobsOverview() {
        return getJson("jobs/overview");
    }

    /** {@code /overview}: TaskManagers, slots, job counts, Flink version. */
    public JsonNode clusterOverview() {
        return getJson("overview");
    }

    /** Root cause and exception history of a job. */
    public JsonNode exceptions(String flinkJobId) {
        return getJson("jobs/" + flinkJobId + "/exceptions?maxExceptions=20");
    }

    /** Checkpoint counts, the latest completed / failed / savepoint / restored checkpoints, and history. */
    public JsonNode checkpoints(String flinkJobId) {
        return getJson("jobs/" + flinkJobId + "/checkpoints");
    }

    /** The external path of the latest completed checkpoint, when Flink retained it. */
    public Optional<String> latestCompletedCheckpointPath(String flinkJobId) {
        JsonNode latest = checkpoints(flinkJobId).path("latest").path("completed");
        String path = latest.path("external_path").asText("");
        return path.isBlank() || path.equals("<checkpoint-not-externally-addressable>")
                ? Optional.empty() : Optional.of(path);
    }

    /** The JobManager's log, or why it is unavailable. */
    public LogFile jobManagerLog() {
        return getText("jobmanager/log", "jobmanager");
    }

    /** The log of every TaskManager of the cluster. */
    public List<LogFile> taskManagerLogs() {
        List<LogFile> logs = new ArrayList<>();
        for (JsonNode taskManager : getJson("taskmanagers").path("taskmanagers")) {
            String id = taskManager.path("id").asText();
            logs.add(getText("taskmanagers/" + id + "/log", "taskmanager " + id));
        }
        return logs;
    }

    /** One log: its source and text, or the reason it could not be read. */
    public record LogFile(String source, Optional<String> text, Optional<String> unavailableBecause) {
        public LogFile {
            requireNonNull(source, "source is null");
            requireNonNull(text, "text is null");
            requireNonNull(unavailableBecause, "unavailableBecause is null");
        }
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new FlinkRestException(base.resolve(path), response.statusCode(), response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new FlinkRestException(base.resolve(path), response.statusCode(), "not JSON: " + e.getMessage());
        }
    }

    private LogFile getText(String path, String source) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() == 200) {
            return new LogFile(source, Optional.of(response.body()), Optional.empty());
        }
        return new LogFile(source, Optional.empty(),
                Optional.of("Flink answered " + response.statusCode() + ": " + abbreviate(response.body())));
    }

    private HttpResponse<String> get(String path) {
        URI uri = base.resolve(path);
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FlinkRestException(uri, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlinkRestException(uri, 0, "interrupted");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    /** Flink's REST API answered with an error, or not at all. */
    public static final class FlinkRestException extends RuntimeException {
        private final int status;

        FlinkRestException(URI uri, int status, String body) {
            super("Flink REST " + uri + (status == 0 ? " failed: " : " answered " + status + ": ") + abbreviate(body));
            this.status = status;
        }

        /** The HTTP status, or 0 when the request did not get an answer. */
        public int status() {
            return status;
        }
    }
}
