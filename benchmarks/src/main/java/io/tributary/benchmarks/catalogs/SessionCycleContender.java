package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.gateway.GatewaySession;
import io.tributary.benchmarks.gateway.QueryTiming;
import io.tributary.benchmarks.gateway.SqlGatewayClient;
import io.tributary.benchmarks.gateway.TimedQueryRunner;
import io.tributary.benchmarks.rounds.InterleavedRuns;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Opens a session on one gateway, runs {@code SELECT 1} to its first row and closes the session, timed. */
final class SessionCycleContender implements InterleavedRuns.Contender<SessionCycle> {

    static final String QUERY = "SELECT 1";

    private final String name;
    private final SqlGatewayClient client;
    private final TimedQueryRunner runner;
    private final URI endpoint;

    SessionCycleContender(String name, SqlGatewayClient client, TimedQueryRunner runner, URI endpoint) {
        this.name = requireNonNull(name, "name is null");
        this.client = requireNonNull(client, "client is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SessionCycle runOnce(int run) throws IOException, InterruptedException {
        long start = System.nanoTime();
        GatewaySession session = client.openSession(endpoint);
        long opened = System.nanoTime();
        QueryTiming query;
        try {
            query = runner.time(session, QUERY);
        } finally {
            session.close();
        }
        long closed = System.nanoTime();
        return new SessionCycle(Duration.ofNanos(opened - start).plus(query.firstRow()),
                Duration.ofNanos(closed - start));
    }
}
