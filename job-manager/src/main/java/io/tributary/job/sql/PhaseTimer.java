package io.tributary.job.sql;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Where the time of one promotion or deployment went, phase by phase, for a debug log line such as
 * {@code deploy of 'orders' 412 ms: session 38, use 2, dependencies 21, submit 340, store 11}. Not thread-safe: one
 * timer per operation.
 */
public final class PhaseTimer {

    private final String operation;
    private final long started = System.nanoTime();
    private final StringBuilder phases = new StringBuilder();
    private long lap = started;

    public PhaseTimer(String operation) {
        this.operation = requireNonNull(operation, "operation is null");
    }

    /** Ends the phase that ran since the previous one (or since the timer was made). */
    public void phase(String name) {
        long now = System.nanoTime();
        phases.append(phases.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", (now - lap) / 1e6));
        lap = now;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.1f ms: %s", operation, (System.nanoTime() - started) / 1e6, phases);
    }
}
