package io.tributary.server.impact;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobState;

/** A running managed job that a change would break. */
public record ImpactedJob(String id, String name, JobState state) {

    public ImpactedJob {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
    }

    @Override
    public String toString() {
        return "'" + name + "' (id " + id + ", " + state + ")";
    }
}
