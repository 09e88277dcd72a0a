package io.tributary.benchmarks.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayBenchmarkOptionsTest {

    @Test
    void noArgumentsAreTheDefaults() {
        assertThat(GatewayBenchmarkOptions.parse(List.of())).isEqualTo(GatewayBenchmarkOptions.DEFAULTS);
        assertThat(GatewayBenchmarkOptions.DEFAULTS.iterations()).isEqualTo(30);
    }

    @Test
    void optionsWithSeparateOrAttachedValues() {
        GatewayBenchmarkOptions options = GatewayBenchmarkOptions.parse(
                List.of("--iterations", "50", "--warm-up=2", "--start-runs", "1", "--idle-seconds=0",
                        "--poll-interval-ms", "0"));

        assertThat(options).isEqualTo(new GatewayBenchmarkOptions(50, 2, 1, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndValuesOutOfRange() {
        assertThatThrownBy(() -> GatewayBenchmarkOptions.parse(List.of("--rounds", "3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --rounds");
        assertThatThrownBy(() -> GatewayBenchmarkOptions.parse(List.of("--iterations")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("option --iterations needs a value");
        assertThatThrownBy(() -> GatewayBenchmarkOptions.parse(List.of("--iterations", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 10000");
        assertThatThrownBy(() -> GatewayBenchmarkOptions.parse(List.of("--iterations", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> GatewayBenchmarkOptions.parse(List.of("30")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unexpected argument '30'");
    }
}
