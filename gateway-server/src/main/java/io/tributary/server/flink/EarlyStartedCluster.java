package io.tributary.server.flink;

import static java.util.Objects.requireNonNull;

import io.tributary.server.config.TributaryProperties;
import java.util.Optional;

/** The embedded cluster {@link EarlyClusterStart} started, with the settings it was started with. */
public record EarlyStartedCluster(TributaryProperties.Flink settings, EmbeddedFlinkCluster cluster) {

    static final String BEAN_NAME = "tributaryEarlyStartedCluster";

    public EarlyStartedCluster {
        requireNonNull(settings, "settings is null");
        requireNonNull(cluster, "cluster is null");
    }

    /** The cluster, if it was started with exactly {@code wanted}. */
    Optional<EmbeddedFlinkCluster> startedWith(TributaryProperties.Flink wanted) {
        return settings.equals(wanted) ? Optional.of(cluster) : Optional.empty();
    }
}
