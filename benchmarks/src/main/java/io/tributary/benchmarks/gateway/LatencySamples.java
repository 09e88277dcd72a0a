package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/** The measured runs of one query on one server. */
public record LatencySamples(String query, String server, List<QueryTiming> timings) {

    public LatencySamples {
        requireNonNull(query, "query is null");
        requireNonNull(server, "server is null");
        timings = List.copyOf(requireNonNull(timings, "timings is null"));
    }

    public List<Duration> firstRow() {
        return timings.stream().map(QueryTiming::firstRow).toList();
    }

    public List<Duration> complete() {
        return timings.stream().map(QueryTiming::complete).toList();
    }
}
