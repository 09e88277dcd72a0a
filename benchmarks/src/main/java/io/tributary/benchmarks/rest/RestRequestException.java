package io.tributary.benchmarks.rest;

import java.io.IOException;

/** A REST request answered with a status it should not have. */
public final class RestRequestException extends IOException {

    private final int status;

    public RestRequestException(String request, int status, String detail) {
        super(request + " answered HTTP " + status + ": " + detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
