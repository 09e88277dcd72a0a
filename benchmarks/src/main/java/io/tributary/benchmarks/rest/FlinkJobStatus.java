package io.tributary.benchmarks.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Flink job's state as {@code GET /jobs/<id>} reports it, and the status of each of its vertices. The job is
 * RUNNING once it is scheduled; its tasks are all running when every vertex is RUNNING too (a vertex reports
 * the least advanced state of its subtasks).
 */
public record FlinkJobStatus(String state, List<String> vertexStates) {

    private static final String RUNNING = "RUNNING";
    private static final Set<String> TERMINAL = Set.of("FINISHED", "CANCELED", "FAILED");

    public FlinkJobStatus {
        requireNonNull(state, "state is null");
        vertexStates = List.copyOf(requireNonNull(vertexStates, "vertexStates is null"));
    }

    public boolean jobRunning() {
        return state.equals(RUNNING);
    }

    public boolean allTasksRunning() {
        return jobRunning() && !vertexStates.isEmpty() && vertexStates.stream().allMatch(RUNNING::equals);
    }

    /** Finished, canceled or failed: the job will not run again. */
    public boolean terminal() {
        return TERMINAL.contains(state);
    }

    static FlinkJobStatus fromJson(JsonNode body) throws IOException {
        JsonNode state = body.get("state");
        if (state == null || !state.isTextual()) {
            throw new IOException("a Flink job status without state: " + body);
        }
        List<String> vertices = new ArrayList<>();
        for (JsonNode vertex : body.path("vertices")) {
            vertices.add(vertex.path("status").asText(""));
        }
        return new FlinkJobStatus(state.asText(), vertices);
    }

    @Override
    public String toString() {
        return state + " " + vertexStates;
    }
}
