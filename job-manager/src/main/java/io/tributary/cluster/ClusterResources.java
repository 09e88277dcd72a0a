package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

/** What Flink's {@code /overview} says of a cluster's resources and version. */
public record ClusterResources(int taskManagers, int slotsTotal, int slotsFree, String flinkVersion) {

    public ClusterResources {
        requireNonNull(flinkVersion, "flinkVersion is null");
    }
}
