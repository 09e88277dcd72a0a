package io.tributary.benchmarks.clusters;

import java.time.Duration;
import java.util.List;

/**
 * The options of {@code ./tributary bench clusters}: how many simulated clusters and managed jobs, the poll
 * interval, how many polls are measured for requests and CPU, and how many state changes for latency.
 */
record ClustersBenchmarkOptions(int clusters, int jobs, Duration pollInterval, int polls, int changes) {

    static final ClustersBenchmarkOptions DEFAULTS = new ClustersBenchmarkOptions(10, 1000, Duration.ofSeconds(1),
            30, 20);

    static final String USAGE = "[--clusters N (10)] [--jobs N (1000)] [--poll-interval-ms N (1000)]"
            + " [--polls N (30)] [--changes N (20)]";

    ClustersBenchmarkOptions {
        require(clusters >= 2 && clusters <= 100, "--clusters must be between 2 and 100: " + clusters);
        require(jobs >= clusters && jobs <= 100_000, "--jobs must be between --clusters and 100000: " + jobs);
        require(pollInterval.toMillis() >= 100 && pollInterval.toMillis() <= 60_000,
                "--poll-interval-ms must be between 100 and 60000: " + pollInterval.toMillis());
        require(polls >= 1 && polls <= 10_000, "--polls must be between 1 and 10000: " + polls);
        require(changes >= 1 && changes <= 1000, "--changes must be between 1 and 1000: " + changes);
    }

    static ClustersBenchmarkOptions parse(List<String> arguments) {
        int clusters = DEFAULTS.clusters();
        int jobs = DEFAULTS.jobs();
        long pollMillis = DEFAULTS.pollInterval().toMillis();
        int polls = DEFAULTS.polls();
        int changes = DEFAULTS.changes();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument;
            String value;
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                name = argument.substring(0, equals);
                value = argument.substring(equals + 1);
            } else if (argument.startsWith("--") && i + 1 < arguments.size()) {
                value = arguments.get(++i);
            } else {
                throw new IllegalArgumentException(argument.startsWith("--")
                        ? "option " + argument + " needs a value" : "unexpected argument '" + argument + "'");
            }
            switch (name) {
                case "--clusters" -> clusters = number(name, value);
                case "--jobs" -> jobs = number(name, value);
                case "--poll-interval-ms" -> pollMillis = number(name, value);
                case "--polls" -> polls = number(name, value);
                case "--changes" -> changes = number(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new ClustersBenchmarkOptions(clusters, jobs, Duration.ofMillis(pollMillis), polls, changes);
    }

    String text() {
        return "--clusters " + clusters + " --jobs " + jobs + " --poll-interval-ms " + pollInterval.toMillis()
                + " --polls " + polls + " --changes " + changes;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " needs a whole number, not '" + value + "'");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
