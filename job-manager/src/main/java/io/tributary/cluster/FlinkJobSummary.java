package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;

/** One job as a cluster lists it in Flink's {@code /jobs/overview}: id, name, state and times. */
public record FlinkJobSummary(
        String flinkJobId,
        String name,
        String state,
        Instant startTime,
        Optional<Instant> endTime,
        Duration duration) {

    public FlinkJobSummary {
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(endTime, "endTime is null");
        requireNonNull(duration, "duration is null");
    }

    /** The state as Flink's enum, or empty for a state this Flink version does not know. */
    public Optional<JobStatus> status() {
        try {
            return Optional.of(JobStatus.valueOf(state));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Running or about to (what Flink's {@code /overview} counts as {@code jobs-running}). */
    public boolean runningOrPending() {
        return status().map(status -> !status.isGloballyTerminalState()).orElse(false);
    }
}
