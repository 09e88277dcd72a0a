package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the {@link ClusterWatcher} polls.
 *
 * @param pollInterval how often each cluster is asked for its jobs ({@code /jobs/overview})
 * @param inFlightSpeedUp how many times faster a cluster is polled while an operation is in flight on it (a managed
 *     job DEPLOYING, SAVEPOINTING or CANCELLING there)
 * @param overviewEveryPolls {@code /overview} (TaskManagers, slots, version) is read at most every this many polls
 *     of a healthy cluster whose jobs did not change — and at once when they did, on the first answer, after a
 *     failure, and on every poll while the cluster is not UP
 * @param lostAfterFailedPolls a cluster is LOST after this many failed polls in a row
 * @param maxBackoff a LOST cluster is polled at twice, four, eight... times the interval, at most this far apart
 * @param slowResponse a cluster that takes longer than this to answer {@code /jobs/overview} is DEGRADED
 * @param pollThreads clusters polled at the same time, at most
 */
public record ClusterWatchSettings(
        Duration pollInterval,
        int inFlightSpeedUp,
        int overviewEveryPolls,
        int lostAfterFailedPolls,
        Duration maxBackoff,
        Duration slowResponse,
        int pollThreads) {

    public ClusterWatchSettings {
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(slowResponse, "slowResponse is null");
        requirePositive(pollInterval.toMillis(), "pollInterval");
        requirePositive(inFlightSpeedUp, "inFlightSpeedUp");
        requirePositive(overviewEveryPolls, "overviewEveryPolls");
        requirePositive(lostAfterFailedPolls, "lostAfterFailedPolls");
        requirePositive(pollThreads, "pollThreads");
        if (maxBackoff.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than pollInterval ("
                    + pollInterval + ")");
        }
    }

    /** The defaults of the server's settings, at a given poll interval. */
    public static ClusterWatchSettings defaults(Duration pollInterval) {
        return new ClusterWatchSettings(pollInterval, 4, 10, 3, max(Duration.ofSeconds(60), pollInterval),
                Duration.ofSeconds(3), 4);
    }

    /** The interval while an operation is in flight on the cluster. */
    public Duration fastInterval() {
        return Duration.ofMillis(Math.max(1, pollInterval.toMillis() / inFlightSpeedUp));
    }

    /** How long after a failed poll a cluster is asked again: the interval, then doubling once it is LOST. */
    public Duration retryAfter(int consecutiveFailures) {
        int beyond = consecutiveFailures - lostAfterFailedPolls + 1;
        if (beyond < 1) {
            return pollInterval;
        }
        long factor = 1L << Math.min(beyond, 20);
        long millis = pollInterval.toMillis() * factor;
        return millis >= maxBackoff.toMillis() || millis < 0 ? maxBackoff : Duration.ofMillis(millis);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void requirePositive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
