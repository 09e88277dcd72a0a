package io.tributary.job.lifecycle;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How jobs are operated: where savepoints go (a directory every cluster can write, e.g. file:///... on one
 * machine, hdfs:// or s3:// across machines), how long a stop with savepoint may take before it is reported as
 * not done (the job keeps running; the stop can be retried), and how long a cancel may take.
 */
public record JobLifecycleSettings(String savepointDirectory, Duration savepointTimeout, Duration cancelTimeout) {
    public JobLifecycleSettings {
        requireNonNull(savepointDirectory, "savepointDirectory is null");
        requireNonNull(savepointTimeout, "savepointTimeout is null");
        requireNonNull(cancelTimeout, "cancelTimeout is null");
    }
}
