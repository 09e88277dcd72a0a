package io.tributary.benchmarks.gateway;

import static io.tributary.benchmarks.OptionArguments.requireRange;
import static io.tributary.benchmarks.OptionArguments.wholeNumber;
import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.OptionArguments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of {@code ./tributary bench gateway}. */
public record GatewayBenchmarkOptions(
        int iterations,
        int warmUpRounds,
        int startRuns,
        Duration idleWait,
        Duration pollInterval) {

    public static final String USAGE = "[--iterations N (30)] [--warm-up N (5)] [--start-runs N (3)]"
            + " [--idle-seconds N (10)] [--poll-interval-ms N (2)]";

    public static final GatewayBenchmarkOptions DEFAULTS =
            new GatewayBenchmarkOptions(30, 5, 3, Duration.ofSeconds(10), Duration.ofMillis(2));

    private static final Set<String> NAMES =
            Set.of("--iterations", "--warm-up", "--start-runs", "--idle-seconds", "--poll-interval-ms");

    public GatewayBenchmarkOptions {
        requireNonNull(idleWait, "idleWait is null");
        requireNonNull(pollInterval, "pollInterval is null");
        requireRange("--iterations", iterations, 1, 10_000);
        requireRange("--warm-up", warmUpRounds, 0, 1_000);
        requireRange("--start-runs", startRuns, 1, 100);
        requireRange("--idle-seconds", idleWait.toSeconds(), 0, 3_600);
        requireRange("--poll-interval-ms", pollInterval.toMillis(), 0, 1_000);
    }

    /** Parses {@code --name value} or {@code --name=value} options over the defaults. */
    public static GatewayBenchmarkOptions parse(List<String> arguments) {
        GatewayBenchmarkOptions options = DEFAULTS;
        for (Map.Entry<String, String> option : OptionArguments.parse(arguments, NAMES).entrySet()) {
            options = options.with(option.getKey(), wholeNumber(option.getKey(), option.getValue()));
        }
        return options;
    }

    private GatewayBenchmarkOptions with(String name, int value) {
        return switch (name) {
            case "--iterations" -> new GatewayBenchmarkOptions(
                    value, warmUpRounds, startRuns, idleWait, pollInterval);
            case "--warm-up" -> new GatewayBenchmarkOptions(
                    iterations, value, startRuns, idleWait, pollInterval);
            case "--start-runs" -> new GatewayBenchmarkOptions(
                    iterations, warmUpRounds, value, idleWait, pollInterval);
            case "--idle-seconds" -> new GatewayBenchmarkOptions(
                    iterations, warmUpRounds, startRuns, Duration.ofSeconds(value), pollInterval);
            case "--poll-interval-ms" -> new GatewayBenchmarkOptions(
                    iterations, warmUpRounds, startRuns, idleWait, Duration.ofMillis(value));
            default -> throw new IllegalArgumentException("unknown option " + name);
        };
    }
}
