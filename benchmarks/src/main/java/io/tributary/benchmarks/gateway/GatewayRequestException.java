package io.tributary.benchmarks.gateway;

import java.io.IOException;

/** A SQL Gateway REST request that was answered with an error status. */
public final class GatewayRequestException extends IOException {

    private final int status;

    public GatewayRequestException(String request, int status, String detail) {
        super(request + " answered HTTP " + status + ": " + detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
