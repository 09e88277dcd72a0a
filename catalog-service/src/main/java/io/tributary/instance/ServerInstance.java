package io.tributary.instance;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** One start of a Tributary server on the shared metadata database. */
public record ServerInstance(
        String id,
        String host,
        String version,
        int managementPort,
        int gatewayPort,
        String flinkRestUrl,
        Instant startedAt,
        Optional<Instant> stoppedAt) {

    public ServerInstance {
        requireNonNull(id, "id is null");
        requireNonNull(host, "host is null");
        requireNonNull(version, "version is null");
        requireNonNull(flinkRestUrl, "flinkRestUrl is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(stoppedAt, "stoppedAt is null");
    }

    public boolean running() {
        return stoppedAt.isEmpty();
    }
}
