package io.tributary.benchmarks.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * What the management API's table listing answered: how many tables (an array of {@code {name, kind, comment}}),
 * or that the endpoint is not available in this build (HTTP 404), with the server's words.
 */
public record TableListing(OptionalInt tables, String detail) {

    private static final int OK = 200;
    private static final int NOT_FOUND = 404;

    public TableListing {
        requireNonNull(tables, "tables is null");
        requireNonNull(detail, "detail is null");
    }

    public boolean available() {
        return tables.isPresent();
    }

    static TableListing of(JsonAnswer answer) throws RestRequestException {
        requireNonNull(answer, "answer is null");
        if (answer.status() == NOT_FOUND) {
            return new TableListing(OptionalInt.empty(), "HTTP 404: " + answer.detail());
        }
        JsonNode body = answer.expect(OK);
        if (!body.isArray()) {
            throw new RestRequestException(answer.request(), answer.status(),
                    "expected a JSON array of tables, got " + answer.detail());
        }
        return new TableListing(OptionalInt.of(body.size()), "");
    }
}
