package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A registered Flink cluster: its id, name, kind and how to reach it. */
public record ClusterDefinition(
        String id,
        String name,
        ClusterKind kind,
        Optional<URI> restAddress,
        Map<String, String> settings,
        String createdBy,
        Instant createdAt) {

    public ClusterDefinition {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(restAddress, "restAddress is null");
        settings = Map.copyOf(settings);
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public ClusterLocation location() {
        return new ClusterLocation(restAddress, settings);
    }

    /** This cluster with another name and location (an edit); id, kind and creation stay. */
    public ClusterDefinition with(String newName, ClusterLocation newLocation) {
        return new ClusterDefinition(id, newName, kind, newLocation.restAddress(), newLocation.settings(), createdBy,
                createdAt);
    }
}
