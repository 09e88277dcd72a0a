package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.process.ChildProcess;
import java.net.URI;
import java.util.Optional;

/**
 * A server under test running as a child process: the address of its SQL Gateway REST endpoint, of the REST API
 * of the Flink cluster its sessions run on, and of its management API (Tributary only).
 */
public record GatewayServer(
        String name,
        ChildProcess process,
        URI endpoint,
        URI clusterEndpoint,
        Optional<URI> managementEndpoint) {

    public GatewayServer {
        requireNonNull(name, "name is null");
        requireNonNull(process, "process is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(clusterEndpoint, "clusterEndpoint is null");
        requireNonNull(managementEndpoint, "managementEndpoint is null");
    }

    /** The management API's address; only Tributary has one. */
    public URI requireManagementEndpoint() {
        return managementEndpoint.orElseThrow(
                () -> new IllegalStateException(name + " has no management API"));
    }
}
