package io.tributary.history;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a running statement ended.
 *
 * @param status FINISHED, ERROR or CANCELED
 * @param endedAt when
 * @param rows the rows a query returned to its client, where known
 * @param flinkJobId the Flink job it started, where known
 * @param error Flink's error, credentials masked
 */
public record StatementEnd(
        StatementStatus status, Instant endedAt, OptionalLong rows, Optional<String> flinkJobId,
        Optional<String> error) {

    public StatementEnd {
        requireNonNull(status, "status is null");
        if (!StatementStatus.RUNNING.canTransitionTo(status)) {
            throw new IllegalArgumentException("a running statement cannot end as " + status);
        }
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(error, "error is null");
    }
}
