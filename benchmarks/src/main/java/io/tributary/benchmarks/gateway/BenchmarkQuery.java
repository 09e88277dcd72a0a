package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A measured query, with the statements that prepare a session for it (run once per session, not timed). */
public record BenchmarkQuery(String name, List<String> setup, String statement) {

    public BenchmarkQuery {
        requireNonNull(name, "name is null");
        setup = List.copyOf(requireNonNull(setup, "setup is null"));
        requireNonNull(statement, "statement is null");
    }

    /** The ad-hoc queries of the gateway benchmark. */
    public static List<BenchmarkQuery> adHocQueries() {
        return List.of(
                new BenchmarkQuery("SELECT 1", List.of(), "SELECT 1"),
                new BenchmarkQuery("datagen GROUP BY (1,000 rows)",
                        List.of("CREATE TEMPORARY TABLE bench_orders (order_id BIGINT, customer INT, amount DOUBLE)"
                                + " WITH ('connector' = 'datagen', 'number-of-rows' = '1000',"
                                + " 'fields.customer.min' = '1', 'fields.customer.max' = '20')"),
                        "SELECT customer, COUNT(*) AS orders, SUM(amount) AS total FROM bench_orders"
                                + " GROUP BY customer"));
    }
}
