package io.tributary.job;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A requested change of a job's state, applied only if the job is still in {@code expected}: what else changes
 * with it (the Flink job id, the latest savepoint, the error, the restart counter) and who asks, and why.
 */
public record StateChange(
        JobState expected,
        JobState next,
        String actor,
        String reason,
        Optional<String> flinkJobId,
        Optional<String> savepoint,
        Optional<String> error,
        boolean countsAsAutoRestart) {

    public StateChange {
        requireNonNull(expected, "expected is null");
        requireNonNull(next, "next is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(savepoint, "savepoint is null");
        requireNonNull(error, "error is null");
        if (!expected.canTransitionTo(next)) {
            throw new IllegalStateException("a job cannot go from " + expected + " to " + next);
        }
    }

    public static StateChange of(JobState expected, JobState next, String actor, String reason) {
        return new StateChange(expected, next, actor, reason, Optional.empty(), Optional.empty(), Optional.empty(),
                false);
    }

    public StateChange withFlinkJobId(String id) {
        return new StateChange(expected, next, actor, reason, Optional.of(id), savepoint, error,
                countsAsAutoRestart);
    }

    public StateChange withSavepoint(String path) {
        return new StateChange(expected, next, actor, reason, flinkJobId, Optional.of(path), error,
                countsAsAutoRestart);
    }

    public StateChange withError(String message) {
        return new StateChange(expected, next, actor, reason, flinkJobId, savepoint, Optional.of(message),
                countsAsAutoRestart);
    }

    public StateChange asAutoRestart() {
        return new StateChange(expected, next, actor, reason, flinkJobId, savepoint, error, true);
    }
}
