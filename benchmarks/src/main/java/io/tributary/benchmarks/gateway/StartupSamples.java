package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/** The launch-to-first-answered-query times of one server, one per fresh start. */
public record StartupSamples(String server, List<Duration> durations) {

    public StartupSamples {
        requireNonNull(server, "server is null");
        durations = List.copyOf(requireNonNull(durations, "durations is null"));
    }
}
