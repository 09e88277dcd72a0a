package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** One session's life: from the open request to the first row of {@code SELECT 1}, and to the session closed. */
public record SessionCycle(Duration openToFirstRow, Duration openToClosed) {

    public SessionCycle {
        requireNonNull(openToFirstRow, "openToFirstRow is null");
        requireNonNull(openToClosed, "openToClosed is null");
    }
}
