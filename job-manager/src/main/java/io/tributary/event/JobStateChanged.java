package io.tributary.event;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import java.time.Instant;

/**
 * A managed job changed state: {@code job} is the job as stored after the change (name, cluster, Flink job id,
 * last error, automatic restarts), {@code from} and {@code to} the states, {@code actor} who changed it
 * ({@code tributary} for the watcher) and {@code reason} why.
 */
public record JobStateChanged(ManagedJob job, JobState from, JobState to, String actor, String reason, Instant at)
        implements WatchEvent {

    public JobStateChanged {
        requireNonNull(job, "job is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(at, "at is null");
    }

    @Override
    public EventType type() {
        return EventType.ofJob(from, to);
    }

    @Override
    public String clusterId() {
        return job.clusterId();
    }

    @Override
    public String summary() {
        return "job '" + job.name() + "' " + from + " -> " + to + ": " + reason;
    }
}
