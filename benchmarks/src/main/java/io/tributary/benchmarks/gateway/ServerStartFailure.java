package io.tributary.benchmarks.gateway;

import java.io.IOException;

/** A server under test that did not answer its first query. */
public final class ServerStartFailure extends IOException {

    private final boolean exited;

    ServerStartFailure(String message, boolean exited, Throwable cause) {
        super(message, cause);
        this.exited = exited;
    }

    /** Whether its process ended by itself (a port taken in the meantime, a broken build) rather than hung. */
    public boolean exited() {
        return exited;
    }
}
