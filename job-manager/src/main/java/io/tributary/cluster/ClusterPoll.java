package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.job.ManagedJob;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one poll of one cluster: whether it answered, how many requests it took, its health afterwards,
 * and the managed jobs whose state changed because of it.
 */
public record ClusterPoll(
        String clusterId,
        boolean answered,
        int requests,
        ClusterHealth health,
        List<ManagedJob> changedJobs,
        Optional<String> error) {

    public ClusterPoll {
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(health, "health is null");
        changedJobs = List.copyOf(changedJobs);
        requireNonNull(error, "error is null");
    }
}
