package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

/** A goal of the issue, what was measured against it, and whether it was met. */
public record Goal(String description, String target, String measured, boolean met) {

    public Goal {
        requireNonNull(description, "description is null");
        requireNonNull(target, "target is null");
        requireNonNull(measured, "measured is null");
    }

    public String verdict() {
        return met ? "PASS" : "MISS";
    }
}
