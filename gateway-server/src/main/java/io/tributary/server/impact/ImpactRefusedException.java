package io.tributary.server.impact;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A DROP or ALTER that running managed jobs depend on, refused. The message names the change, the jobs and how
 * to force it.
 */
public final class ImpactRefusedException extends RuntimeException {

    private final String change;
    private final List<ImpactedJob> jobs;

    ImpactRefusedException(String change, List<ImpactedJob> jobs, String message) {
        super(requireNonNull(message, "message is null"));
        this.change = requireNonNull(change, "change is null");
        this.jobs = List.copyOf(jobs);
    }

    /** The change refused, e.g. {@code DROP TABLE c.db.t}. */
    public String change() {
        return change;
    }

    public List<ImpactedJob> jobs() {
        return jobs;
    }
}
