package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks a cluster through Flink's REST API at a base URL: {@code GET jobs/overview} and {@code GET overview}, each
 * one request with its own timeout. The base can be a JobManager's REST address or a proxy in front of it.
 */
public final class FlinkRestProbe implements ClusterProbe {

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public FlinkRestProbe(URI base, HttpClient http, Duration timeout) {
        String text = requireNonNull(base, "base is null").toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = requireNonNull(http, "http is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public List<FlinkJobSummary> jobs() {
        JsonNode overview = get("jobs/overview");
        JsonNode jobs = overview.path("jobs");
        if (!jobs.isArray()) {
            throw new ClusterProbeException("GET " + base.resolve("jobs/overview") + " answered without a jobs list");
        }
        List<FlinkJobSummary> result = new ArrayList<>(jobs.size());
        for (JsonNode job : jobs) {
            long end = job.path("end-time").asLong(-1);
            result.add(new FlinkJobSummary(
                    job.path("jid").asText(),
                    job.path("name").asText(""),
                    job.path("state").asText("UNKNOWN"),
                    Instant.ofEpochMilli(job.path("start-time").asLong(0)),
                    end > 0 ? Optional.of(Instant.ofEpochMilli(end)) : Optional.empty(),
                    Duration.ofMillis(Math.max(0, job.path("duration").asLong(0)))));
        }
        return result;
    }

    @Override
    public ClusterResources resources() {
        JsonNode overview = get("overview");
        if (!overview.has("taskmanagers") || !overview.has("slots-total")) {
            throw new ClusterProbeException("GET " + base.resolve("overview")
                    + " answered without taskmanagers and slots-total");
        }
        return new ClusterResources(overview.path("taskmanagers").asInt(), overview.path("slots-total").asInt(),
                overview.path("slots-available").asInt(), overview.path("flink-version").asText(""));
    }

    private JsonNode get(String path) {
        URI uri = base.resolve(path);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ClusterProbeException("GET " + uri + ": no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            throw new ClusterProbeException("GET " + uri + ": connection refused");
        } catch (IOException e) {
            throw new ClusterProbeException("GET " + uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterProbeException("GET " + uri + ": interrupted");
        }
        if (response.statusCode() != 200) {
            throw new ClusterProbeException("GET " + uri + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ClusterProbeException("GET " + uri + " answered something else than JSON: "
                    + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
