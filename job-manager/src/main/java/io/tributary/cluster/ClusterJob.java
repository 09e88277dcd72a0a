package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A job a cluster runs (or ran recently), and the managed job it belongs to — empty for an unmanaged one. */
public record ClusterJob(FlinkJobSummary flink, Optional<ManagedJobRef> managed) {

    public ClusterJob {
        requireNonNull(flink, "flink is null");
        requireNonNull(managed, "managed is null");
    }

    /** The managed job a Flink job was submitted for (by any of its deployments). */
    public record ManagedJobRef(String id, String name) {
        public ManagedJobRef {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }
    }
}
