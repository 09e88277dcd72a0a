package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RecordingBenchmark gateway = new RecordingBenchmark("gateway");
    private final RecordingBenchmark catalogs = new RecordingBenchmark("catalogs");
    private final BenchmarkCommand command = new BenchmarkCommand(List.of(gateway, catalogs),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void noArgumentRunsEveryBenchmarkWithItsDefaults() {
        assertThat(command.run(List.of())).isEqualTo(BenchmarkCommand.SUCCESS);

        assertThat(gateway.runs).containsExactly(List.of());
        assertThat(catalogs.runs).containsExactly(List.of());
    }

    @Test
    void aNameRunsThatBenchmarkWithTheRestOfTheArguments() {
        assertThat(command.run(List.of("gateway", "--iterations", "5"))).isEqualTo(BenchmarkCommand.SUCCESS);

        assertThat(gateway.runs).containsExactly(List.of("--iterations", "5"));
        assertThat(catalogs.runs).isEmpty();
    }

    @Test
    void anUnknownNameIsAUsageError() {
        assertThat(command.run(List.of("jobs"))).isEqualTo(BenchmarkCommand.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no benchmark named 'jobs'", "gateway", "catalogs");
    }

    @Test
    void aBadOptionIsAUsageErrorAndAFailureIsAFailure() {
        gateway.failure = new IllegalArgumentException("unknown option --x");
        assertThat(command.run(List.of("gateway", "--x", "1"))).isEqualTo(BenchmarkCommand.USAGE);

        gateway.failure = new IllegalStateException("server did not start");
        assertThat(command.run(List.of("gateway"))).isEqualTo(BenchmarkCommand.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("server did not start");
    }

    /** A benchmark that records how it was run. */
    private static final class RecordingBenchmark implements Benchmark {

        private final String name;
        private final List<List<String>> runs = new ArrayList<>();
        private RuntimeException failure;

        RecordingBenchmark(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "the " + name + " benchmark";
        }

        @Override
        public String usage() {
            return "[--iterations N]";
        }

        @Override
        public void run(List<String> arguments) {
            runs.add(List.copyOf(arguments));
            if (failure != null) {
                throw failure;
            }
        }
    }
}
