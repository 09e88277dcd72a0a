package io.tributary.benchmarks;

import java.util.List;

/** One benchmark of the module, run by name: {@code ./tributary bench <name> [options]}. */
public interface Benchmark {

    /** The subcommand that runs it, e.g. {@code gateway}. */
    String name();

    /** One line for the usage text. */
    String description();

    /** The options it accepts, for the usage text. */
    String usage();

    /**
     * Runs the benchmark with its own options, prints its results and writes its results file.
     *
     * @throws IllegalArgumentException when an option is not understood (the caller prints the usage)
     */
    void run(List<String> arguments) throws Exception;
}
