package io.tributary.job;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** One recorded change of a job's state: when, by whom, why, and the Flink job it concerned. */
public record JobTransition(
        String jobId,
        JobState from,
        JobState to,
        String actor,
        String reason,
        Optional<String> flinkJobId,
        Instant at) {

    public JobTransition {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(at, "at is null");
    }
}
