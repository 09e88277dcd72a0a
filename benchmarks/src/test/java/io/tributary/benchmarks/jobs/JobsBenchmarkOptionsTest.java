package io.tributary.benchmarks.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobsBenchmarkOptionsTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(JobsBenchmarkOptions.parse(List.of())).isEqualTo(JobsBenchmarkOptions.DEFAULTS);
        assertThat(JobsBenchmarkOptions.parse(List.of("--iterations", "3", "--warm-up=0", "--poll-interval-ms", "5")))
                .isEqualTo(new JobsBenchmarkOptions(3, 0, Duration.ofMillis(5)));
        assertThat(JobsBenchmarkOptions.DEFAULTS.text()).isEqualTo("--iterations 10 --warm-up 2 --poll-interval-ms 10");
    }

    @Test
    void rejectsWhatItCannotRun() {
        assertThatThrownBy(() -> JobsBenchmarkOptions.parse(List.of("--poll-interval-ms", "0")))
                .hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> JobsBenchmarkOptions.parse(List.of("--tables", "3")))
                .hasMessage("unknown option --tables");
    }
}
