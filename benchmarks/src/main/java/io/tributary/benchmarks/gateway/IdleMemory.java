package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

/** The resident set size of a server's process at idle. */
public record IdleMemory(String server, long residentBytes) {

    public IdleMemory {
        requireNonNull(server, "server is null");
        if (residentBytes < 0) {
            throw new IllegalArgumentException("residentBytes is negative: " + residentBytes);
        }
    }
}
