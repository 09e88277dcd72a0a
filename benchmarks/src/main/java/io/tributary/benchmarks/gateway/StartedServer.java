package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** A server that answered its first query, and how long after its launch it did. */
public record StartedServer(GatewayServer server, Duration launchToFirstRow) {

    public StartedServer {
        requireNonNull(server, "server is null");
        requireNonNull(launchToFirstRow, "launchToFirstRow is null");
    }
}
