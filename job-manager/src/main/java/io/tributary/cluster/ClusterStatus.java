package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cluster as the watcher last saw it: its health and since when (and why, when it is not UP), the last failed
 * poll, when it was polled and answered, every job it listed in its last answer with their counts, and its
 * resources from the last {@code /overview} it answered.
 */
public record ClusterStatus(
        ClusterDefinition cluster,
        ClusterHealth health,
        Optional<Instant> healthSince,
        Optional<String> healthReason,
        int consecutiveFailedPolls,
        Optional<String> lastError,
        Optional<Instant> lastErrorAt,
        Optional<Instant> lastPolledAt,
        Optional<Instant> lastAnsweredAt,
        Optional<Duration> lastResponseTime,
        Duration pollInterval,
        JobCounts jobCounts,
        List<ClusterJob> jobs,
        Optional<ClusterResources> resources,
        Optional<Instant> resourcesAt) {

    public ClusterStatus {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(health, "health is null");
        requireNonNull(healthSince, "healthSince is null");
        requireNonNull(healthReason, "healthReason is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(lastErrorAt, "lastErrorAt is null");
        requireNonNull(lastPolledAt, "lastPolledAt is null");
        requireNonNull(lastAnsweredAt, "lastAnsweredAt is null");
        requireNonNull(lastResponseTime, "lastResponseTime is null");
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(jobCounts, "jobCounts is null");
        jobs = List.copyOf(jobs);
        requireNonNull(resources, "resources is null");
        requireNonNull(resourcesAt, "resourcesAt is null");
    }
}
