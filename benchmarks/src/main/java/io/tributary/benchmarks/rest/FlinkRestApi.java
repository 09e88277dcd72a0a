package io.tributary.benchmarks.rest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** The parts of a Flink cluster's REST API the benchmarks use: one job's status, and cancelling it. */
public final class FlinkRestApi {

    private static final int OK = 200;
    private static final int ACCEPTED = 202;
    private static final int NOT_FOUND = 404;

    private final JsonHttp http;
    private final URI base;

    public FlinkRestApi(JsonHttp http, URI base) {
        this.http = requireNonNull(http, "http is null");
        this.base = requireNonNull(base, "base is null");
    }

    /** {@code GET /jobs/<id>}; empty while the cluster does not know the job yet (its submission is under way). */
    public Optional<FlinkJobStatus> job(String jobId) throws IOException, InterruptedException {
        JsonAnswer answer = http.send("GET", jobUri(jobId, ""), null);
        if (answer.status() == NOT_FOUND) {
            return Optional.empty();
        }
        return Optional.of(FlinkJobStatus.fromJson(answer.expect(OK)));
    }

    /** {@code PATCH /jobs/<id>?mode=cancel}. */
    public void cancel(String jobId) throws IOException, InterruptedException {
        http.send("PATCH", jobUri(jobId, "?mode=cancel"), null).expect(ACCEPTED);
    }

    private URI jobUri(String jobId, String query) {
        if (!requireNonNull(jobId, "jobId is null").matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a Flink job id: " + jobId);
        }
        return base.resolve("/jobs/" + jobId + query);
    }
}
