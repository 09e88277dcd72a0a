package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The long-running job both sides submit: the DDL of its temporary tables, then its INSERT. The source never
 * ends (datagen at a fixed rate), the sink discards, so the job runs until it is cancelled.
 */
public record StreamingJob(List<String> dependencies, String statement) {

    public StreamingJob {
        dependencies = List.copyOf(requireNonNull(dependencies, "dependencies is null"));
        requireNonNull(statement, "statement is null");
    }

    /** datagen (10 rows/s) filtered and projected into blackhole. */
    public static StreamingJob datagenToBlackhole() {
        return new StreamingJob(
                List.of("CREATE TEMPORARY TABLE bench_orders (order_id BIGINT, customer INT, amount DOUBLE)"
                                + " WITH ('connector' = 'datagen', 'rows-per-second' = '10',"
                                + " 'fields.customer.min' = '1', 'fields.customer.max' = '20')",
                        "CREATE TEMPORARY TABLE bench_sink (customer INT, amount DOUBLE)"
                                + " WITH ('connector' = 'blackhole')"),
                "INSERT INTO bench_sink SELECT customer, amount FROM bench_orders WHERE amount > 0");
    }
}
