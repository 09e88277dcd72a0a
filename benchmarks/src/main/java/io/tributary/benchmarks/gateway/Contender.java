package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

/** A server taking part in the latency comparison, through one session on it. */
public record Contender(String name, GatewaySession session) {

    public Contender {
        requireNonNull(name, "name is null");
        requireNonNull(session, "session is null");
    }
}
