package io.tributary.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DurationSummaryTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        DurationSummary summary = DurationSummary.of(millis(30, 10, 20));

        assertThat(summary.count()).isEqualTo(3);
        assertThat(summary.minimum()).isEqualTo(Duration.ofMillis(10));
        assertThat(summary.median()).isEqualTo(Duration.ofMillis(20));
        assertThat(summary.maximum()).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(DurationSummary.of(millis(40, 10, 30, 20)).median()).isEqualTo(Duration.ofMillis(25));
    }

    @Test
    void p90InterpolatesBetweenTheNearestRanks() {
        // 1..10 ms: rank 0.9 * 9 = 8.1, between 9 ms and 10 ms.
        List<Duration> samples = LongStream.rangeClosed(1, 10).mapToObj(Duration::ofMillis).toList();

        assertThat(DurationSummary.of(samples).p90()).isEqualTo(Duration.ofMillis(9).plusNanos(100_000));
    }

    @Test
    void oneSampleIsEveryStatistic() {
        DurationSummary summary = DurationSummary.of(millis(7));

        assertThat(List.of(summary.minimum(), summary.median(), summary.p90(), summary.maximum()))
                .containsOnly(Duration.ofMillis(7));
    }

    @Test
    void percentilesOfSortedValues() {
        long[] sorted = {100, 200, 300, 400, 500};

        assertThat(DurationSummary.percentile(sorted, 0)).isEqualTo(Duration.ofNanos(100));
        assertThat(DurationSummary.percentile(sorted, 0.25)).isEqualTo(Duration.ofNanos(200));
        assertThat(DurationSummary.percentile(sorted, 0.9)).isEqualTo(Duration.ofNanos(460));
        assertThat(DurationSummary.percentile(sorted, 1)).isEqualTo(Duration.ofNanos(500));
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> DurationSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Duration> millis(long... values) {
        return LongStream.of(values).mapToObj(Duration::ofMillis).toList();
    }
}
