package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The long-running job both sides submit: the DDL of its temporary tables, then its INSERT. The source never
 * ends (datagen at a fixed rate), the sink discards, so the job runs until it is cancelled. Each run names its
 * tables after itself ({@link #forRun}), as distinct jobs would: no run finds a session an earlier run set up.
 */
public record StreamingJob(List<String> dependencies, String statement) {

    public StreamingJob {
        dependencies = List.copyOf(requireNonNull(dependencies, "dependencies is null"));
        requireNonNull(statement, "statement is null");
    }

    private static final String RUN = "{run}";

    /** datagen (10 rows/s) filtered and projected into blackhole; {@code {run}} in table names stands for the run. */
    public static StreamingJob datagenToBlackhole() {
        return new StreamingJob(
                List.of("CREATE TEMPORARY TABLE bench_orders_" + RUN
                                + " (order_id BIGINT, customer INT, amount DOUBLE)"
                                + " WITH ('connector' = 'datagen', 'rows-per-second' = '10',"
                                + " 'fields.customer.min' = '1', 'fields.customer.max' = '20')",
                        "CREATE TEMPORARY TABLE bench_sink_" + RUN + " (customer INT, amount DOUBLE)"
                                + " WITH ('connector' = 'blackhole')"),
                "INSERT INTO bench_sink_" + RUN + " SELECT customer, amount FROM bench_orders_" + RUN
                        + " WHERE amount > 0");
    }

    /** The job of run {@code run}: its tables named after the run. */
    public StreamingJob forRun(int run) {
        String suffix = Integer.toString(run);
        return new StreamingJob(dependencies.stream().map(text -> text.replace(RUN, suffix)).toList(),
                statement.replace(RUN, suffix));
    }
}
