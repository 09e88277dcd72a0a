package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.rounds.TurnOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steady-state ad-hoc query latency of several servers, measured fairly: each session is set up, then every
 * query runs {@code warmUpRounds} times on every server unmeasured (stock Flink warms its planner only on its
 * first queries), then {@code iterations} measured rounds in which the servers take turns query by query, the
 * first one alternating from round to round.
 */
public final class LatencyComparison {

    private static final int PROGRESS_EVERY = 10;

    private final TimedQueryRunner runner;
    private final int warmUpRounds;
    private final int iterations;
    private final PrintStream progress;

    public LatencyComparison(TimedQueryRunner runner, int warmUpRounds, int iterations, PrintStream progress) {
        this.runner = requireNonNull(runner, "runner is null");
        this.progress = requireNonNull(progress, "progress is null");
        if (warmUpRounds < 0 || iterations < 1) {
            throw new IllegalArgumentException("warm-up rounds must not be negative and iterations must be positive");
        }
        this.warmUpRounds = warmUpRounds;
        this.iterations = iterations;
    }

    public List<LatencySamples> run(List<BenchmarkQuery> queries, List<Contender> contenders)
            throws IOException, InterruptedException {
        for (Contender contender : contenders) {
            for (BenchmarkQuery query : queries) {
                for (String statement : query.setup()) {
                    runner.execute(contender.session(), statement);
                }
            }
        }
        for (int round = 0; round < warmUpRounds; round++) {
            for (BenchmarkQuery query : queries) {
                for (Contender contender : TurnOrder.forRound(contenders, round)) {
                    runner.time(contender.session(), query.statement());
                }
            }
        }
        progress.printf("  warm-up done (%d rounds of %d queries on %d servers)%n", warmUpRounds, queries.size(),
                contenders.size());
        Map<String, Map<String, List<QueryTiming>>> timings = new LinkedHashMap<>();
        for (BenchmarkQuery query : queries) {
            Map<String, List<QueryTiming>> byServer = new LinkedHashMap<>();
            contenders.forEach(contender -> byServer.put(contender.name(), new ArrayList<>()));
            timings.put(query.name(), byServer);
        }
        for (int round = 0; round < iterations; round++) {
            for (BenchmarkQuery query : queries) {
                for (Contender contender : TurnOrder.forRound(contenders, round)) {
                    timings.get(query.name()).get(contender.name())
                            .add(runner.time(contender.session(), query.statement()));
                }
            }
            if ((round + 1) % PROGRESS_EVERY == 0 || round + 1 == iterations) {
                progress.printf("  measured %d/%d rounds%n", round + 1, iterations);
            }
        }
        List<LatencySamples> samples = new ArrayList<>();
        timings.forEach((query, byServer) -> byServer.forEach(
                (server, measured) -> samples.add(new LatencySamples(query, server, measured))));
        return samples;
    }
}
