package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.process.ChildProcess;
import java.net.URI;

/** A server under test running as a child process, and the address of its SQL Gateway REST endpoint. */
public record GatewayServer(String name, ChildProcess process, URI endpoint) {

    public GatewayServer {
        requireNonNull(name, "name is null");
        requireNonNull(process, "process is null");
        requireNonNull(endpoint, "endpoint is null");
    }
}
