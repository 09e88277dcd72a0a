package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Where a registered cluster is, as its kind's {@link ClusterConnector} checked it: a REST address and settings. */
public record ClusterLocation(Optional<URI> restAddress, Map<String, String> settings) {

    public ClusterLocation {
        requireNonNull(restAddress, "restAddress is null");
        settings = Map.copyOf(settings);
    }
}
