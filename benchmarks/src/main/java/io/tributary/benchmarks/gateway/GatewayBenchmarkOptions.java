package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

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
        requireNonNull(arguments, "arguments is null");
        GatewayBenchmarkOptions options = DEFAULTS;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument;
            String value;
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argument + "'");
            }
            int equals = argument.indexOf('=');
            if (equals > 0) {
                name = argument.substring(0, equals);
                value = argument.substring(equals + 1);
            } else if (i + 1 < arguments.size()) {
                value = arguments.get(++i);
            } else {
                throw new IllegalArgumentException("option " + argument + " needs a value");
            }
            options = options.with(name, number(name, value));
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

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " needs a whole number, not '" + value + "'");
        }
    }

    private static void requireRange(String name, long value, long minimum, long maximum) {
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(
                    "option " + name + " must be between " + minimum + " and " + maximum + ": " + value);
        }
    }
}
