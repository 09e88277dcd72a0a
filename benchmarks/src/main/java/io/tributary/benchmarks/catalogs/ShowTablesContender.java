package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.gateway.GatewaySession;
import io.tributary.benchmarks.gateway.QueryTiming;
import io.tributary.benchmarks.gateway.TimedQueryRunner;
import io.tributary.benchmarks.rounds.InterleavedRuns;
import java.io.IOException;

/** {@code SHOW TABLES} in a session that already uses the catalog, timed from submit to the end of its results. */
final class ShowTablesContender implements InterleavedRuns.Contender<Listing> {

    private final String name;
    private final TimedQueryRunner runner;
    private final GatewaySession session;

    ShowTablesContender(String name, TimedQueryRunner runner, GatewaySession session) {
        this.name = requireNonNull(name, "name is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Listing runOnce(int run) throws IOException, InterruptedException {
        QueryTiming timing = runner.time(session, "SHOW TABLES");
        return new Listing(timing.complete(), timing.rows());
    }
}
