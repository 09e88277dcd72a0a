package io.tributary.server.testing;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The managed job the job tests promote, deploy and stop: one key, a few rows a second, a running COUNT(*)
 * upserted into a PostgreSQL table of {@link CountTables}, so that whether its state survived shows in the count.
 * Through a test server's management API.
 */
public final class RunningCountJobs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STATE_WAIT = Duration.ofSeconds(180);

    private final TestServer server;

    public RunningCountJobs(TestServer server) {
        this.server = requireNonNull(server, "server is null");
    }

    /** The body of a promotion; {@code name} and {@code filter} (a WHERE condition on k) may be null. */
    public ObjectNode body(String name, String table, String filter) {
        ObjectNode body = JSON.createObjectNode();
        if (name != null) {
            body.put("name", name);
        }
        body.put("statement", "INSERT INTO pg_counts SELECT k, COUNT(*) FROM gen"
                + (filter == null ? "" : " WHERE " + filter) + " GROUP BY k");
        body.putObject("options").put("parallelism.default", "1");
        body.putArray("dependencies")
                .add("CREATE TEMPORARY TABLE gen (k INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20',"
                        + " 'fields.k.min' = '1', 'fields.k.max' = '1')")
                .add("CREATE TEMPORARY TABLE pg_counts (k INT, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
                        + "'connector' = 'jdbc', 'url' = '" + CountTables.URL + "', 'table-name' = '" + table + "',"
                        + " 'username' = 'postgres', 'password' = 'unused-with-trust-auth',"
                        + " 'sink.buffer-flush.interval' = '100ms', 'sink.buffer-flush.max-rows' = '1')");
        return body;
    }

    /** Promotes the job onto a cluster; its id (the job is CREATED). */
    public String promote(String name, String cluster, String table, String filter) throws Exception {
        HttpResponse<String> response = server.post("/api/v1/jobs",
                JSON.writeValueAsString(body(name, table, filter).put("cluster", cluster)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode job = JSON.readTree(response.body());
        assertThat(job.path("state").asText()).isEqualTo("CREATED");
        return job.path("id").asText();
    }

    public JsonNode awaitState(String id, String state) throws Exception {
        return awaitState(id, state, -1);
    }

    /** The job once it is in that state, at that version (any version when negative). */
    public JsonNode awaitState(String id, String state, int version) throws Exception {
        long deadline = System.nanoTime() + STATE_WAIT.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = JSON.readTree(server.get("/api/v1/jobs/" + id).body());
            if (job.path("state").asText().equals(state) && (version < 0 || job.path("version").asInt() == version)) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not reach " + state
                + (version < 0 ? "" : " at version " + version) + ": " + job);
    }

    /** A 200 answer's body. */
    public static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
