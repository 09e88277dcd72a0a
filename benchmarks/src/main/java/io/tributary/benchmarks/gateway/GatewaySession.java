package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;

/** An open session on one SQL Gateway. */
public final class GatewaySession {

    private final SqlGatewayClient client;
    private final URI endpoint;
    private final String handle;

    GatewaySession(SqlGatewayClient client, URI endpoint, String handle) {
        this.client = requireNonNull(client, "client is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.handle = requireNonNull(handle, "handle is null");
    }

    /** Submits a statement; returns its operation handle. */
    public String submit(String statement) throws IOException, InterruptedException {
        return client.executeStatement(endpoint, handle, requireNonNull(statement, "statement is null"));
    }

    /** Where the first page of an operation's results is fetched. */
    public String firstResultPath(String operation) {
        return client.firstResultPath(handle, requireNonNull(operation, "operation is null"));
    }

    public ResultPage fetch(String resultPath) throws IOException, InterruptedException {
        return client.fetchResults(endpoint, requireNonNull(resultPath, "resultPath is null"));
    }

    public void closeOperation(String operation) throws IOException, InterruptedException {
        client.closeOperation(endpoint, handle, requireNonNull(operation, "operation is null"));
    }

    public void close() throws IOException, InterruptedException {
        client.closeSession(endpoint, handle);
    }

    @Override
    public String toString() {
        return "session " + handle + " at " + endpoint;
    }
}
