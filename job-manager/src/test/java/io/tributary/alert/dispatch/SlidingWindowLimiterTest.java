package io.tributary.alert.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate limit is a sliding window: never more than the limit in any window, whatever the boundaries. */
class SlidingWindowLimiterTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void aFullWindowWaitsForItsOldestRequestToLeave() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, Duration.ofMinutes(1));
        limiter.record(T0);
        limiter.record(T0.plusSeconds(10));
        assertThat(limiter.available(T0.plusSeconds(20))).isEqualTo(1);
        limiter.record(T0.plusSeconds(59));
        assertThat(limiter.waitTime(T0.plusSeconds(59))).isEqualTo(Duration.ofSeconds(1).plusMillis(1));
        assertThat(limiter.waitTime(T0.plusSeconds(60).plusMillis(1))).isZero();
        assertThat(limiter.available(T0.plusSeconds(61))).as("two minutes never meet at a boundary").isEqualTo(1);
    }

    @Test
    void seededFromTheRequestsOthersMade() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, Duration.ofMinutes(1));
        limiter.seed(List.of(T0.plusSeconds(30), T0));
        assertThat(limiter.available(T0.plusSeconds(31))).isZero();
        assertThat(limiter.last()).contains(T0.plusSeconds(30));
        assertThat(limiter.available(T0.plusSeconds(61))).isEqualTo(1);
    }

    @Test
    void backoffDoublesUpToItsLongest() {
        DispatchSettings settings = DispatchSettings.defaults();
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(settings.backoff(30)).isEqualTo(Duration.ofMinutes(5));
    }
}
