package io.tributary.benchmarks.jobs;

import static io.tributary.benchmarks.OptionArguments.requireRange;
import static io.tributary.benchmarks.OptionArguments.wholeNumber;
import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.OptionArguments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The options of {@code ./tributary bench jobs}. */
public record JobsBenchmarkOptions(int iterations, int warmUpRounds, Duration pollInterval) {

    public static final String USAGE = "[--iterations N (10)] [--warm-up N (2)] [--poll-interval-ms N (10)]";

    public static final JobsBenchmarkOptions DEFAULTS = new JobsBenchmarkOptions(10, 2, Duration.ofMillis(10));

    private static final Set<String> NAMES = Set.of("--iterations", "--warm-up", "--poll-interval-ms");

    public JobsBenchmarkOptions {
        requireNonNull(pollInterval, "pollInterval is null");
        requireRange("--iterations", iterations, 1, 1_000);
        requireRange("--warm-up", warmUpRounds, 0, 100);
        requireRange("--poll-interval-ms", pollInterval.toMillis(), 1, 1_000);
    }

    public static JobsBenchmarkOptions parse(List<String> arguments) {
        JobsBenchmarkOptions options = DEFAULTS;
        for (Map.Entry<String, String> option : OptionArguments.parse(arguments, NAMES).entrySet()) {
            int value = wholeNumber(option.getKey(), option.getValue());
            options = switch (option.getKey()) {
                case "--iterations" -> new JobsBenchmarkOptions(value, options.warmUpRounds, options.pollInterval);
                case "--warm-up" -> new JobsBenchmarkOptions(options.iterations, value, options.pollInterval);
                case "--poll-interval-ms" ->
                        new JobsBenchmarkOptions(options.iterations, options.warmUpRounds, Duration.ofMillis(value));
                default -> throw new IllegalArgumentException("unknown option " + option.getKey());
            };
        }
        return options;
    }

    public String text() {
        return "--iterations " + iterations + " --warm-up " + warmUpRounds + " --poll-interval-ms "
                + pollInterval.toMillis();
    }
}
