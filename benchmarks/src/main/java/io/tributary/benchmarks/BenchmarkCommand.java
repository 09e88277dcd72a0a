package io.tributary.benchmarks;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Picks the benchmarks a command line asks for and runs them: {@code <name> [options]} runs one, no argument
 * runs all of them with their defaults.
 */
public final class BenchmarkCommand {

    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final List<Benchmark> benchmarks;
    private final PrintStream out;
    private final PrintStream err;

    public BenchmarkCommand(List<Benchmark> benchmarks, PrintStream out, PrintStream err) {
        this.benchmarks = List.copyOf(requireNonNull(benchmarks, "benchmarks is null"));
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    public int run(List<String> arguments) {
        requireNonNull(arguments, "arguments is null");
        if (arguments.isEmpty()) {
            for (Benchmark benchmark : benchmarks) {
                int status = runOne(benchmark, List.of());
                if (status != SUCCESS) {
                    return status;
                }
            }
            return SUCCESS;
        }
        String first = arguments.get(0);
        if (first.equals("help") || first.equals("--help") || first.equals("-h")) {
            out.print(usage());
            return SUCCESS;
        }
        Optional<Benchmark> chosen = benchmarks.stream().filter(b -> b.name().equals(first)).findFirst();
        if (chosen.isEmpty()) {
            err.println("tributary bench: no benchmark named '" + first + "'");
            err.print(usage());
            return USAGE;
        }
        return runOne(chosen.get(), arguments.subList(1, arguments.size()));
    }

    private int runOne(Benchmark benchmark, List<String> options) {
        try {
            benchmark.run(options);
            return SUCCESS;
        } catch (IllegalArgumentException e) {
            err.println("tributary bench " + benchmark.name() + ": " + e.getMessage());
            err.println("Usage: ./tributary bench " + benchmark.name() + " " + benchmark.usage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("tributary bench " + benchmark.name() + ": interrupted");
            return FAILURE;
        } catch (Exception e) {
            err.println("tributary bench " + benchmark.name() + " failed: " + e.getMessage());
            e.printStackTrace(err);
            return FAILURE;
        }
    }

    String usage() {
        StringBuilder text = new StringBuilder("Usage: ./tributary bench [<benchmark> [options]]\n")
                .append("  With no benchmark named, runs them all with their default options.\n");
        for (Benchmark benchmark : benchmarks) {
            text.append(String.format("  %-10s %s%n", benchmark.name(), benchmark.description()))
                    .append(String.format("  %-10s   options: %s%n", "", benchmark.usage()));
        }
        return text.toString();
    }
}
