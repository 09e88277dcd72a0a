package io.tributary.job.lifecycle;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobState;

/** An operation that the job's current state does not allow (e.g. stopping a stopped job). */
public final class JobStateConflictException extends RuntimeException {

    private final JobState state;

    public JobStateConflictException(String jobName, JobState state, String operation) {
        super("cannot " + operation + " job '" + jobName + "': it is " + state);
        this.state = requireNonNull(state, "state is null");
    }

    public JobState state() {
        return state;
    }
}
