package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** One measured statement: from submit to its first row, and to the end of its results. */
public record QueryTiming(Duration firstRow, Duration complete, long rows) {

    public QueryTiming {
        requireNonNull(firstRow, "firstRow is null");
        requireNonNull(complete, "complete is null");
        if (rows < 1) {
            throw new IllegalArgumentException("a timed query returns at least one row: " + rows);
        }
    }
}
