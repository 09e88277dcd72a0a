package io.tributary.event;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterHealth;
import java.time.Instant;

/**
 * A cluster's health changed: {@code reason} says why (the last error when it is LOST, what is wrong when it is
 * DEGRADED, what it answered when it is UP again); {@code activeJobs} is how many managed jobs were active on it.
 */
public record ClusterHealthChanged(
        String clusterId,
        String clusterName,
        String clusterKind,
        ClusterHealth from,
        ClusterHealth to,
        String reason,
        int activeJobs,
        Instant at) implements WatchEvent {

    public ClusterHealthChanged {
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(clusterKind, "clusterKind is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(at, "at is null");
        if (from == to) {
            throw new IllegalArgumentException("a health change needs two different states, got " + from);
        }
    }

    @Override
    public EventType type() {
        return EventType.ofCluster(from, to);
    }

    @Override
    public String summary() {
        return "cluster '" + clusterName + "' " + from + " -> " + to + ": " + reason;
    }
}
