package io.tributary.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClusterWatchSettingsTest {

    private static final ClusterWatchSettings SETTINGS = new ClusterWatchSettings(Duration.ofSeconds(2), 4, 10, 3,
            Duration.ofSeconds(60), Duration.ofSeconds(3), 4);

    @Test
    void aFailingClusterIsAskedAtTheIntervalUntilItIsLostThenAtDoublingIntervalsUpToTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(SETTINGS::retryAfter).map(Duration::toSeconds))
                .containsExactly(2L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(SETTINGS.retryAfter(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anOperationInFlightMakesPollsFaster() {
        assertThat(SETTINGS.fastInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(ClusterWatchSettings.defaults(Duration.ofSeconds(1)).fastInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new ClusterWatchSettings(Duration.ZERO, 4, 10, 3, Duration.ofSeconds(60),
                Duration.ofSeconds(3), 4)).hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> new ClusterWatchSettings(Duration.ofSeconds(2), 4, 10, 0, Duration.ofSeconds(60),
                Duration.ofSeconds(3), 4)).hasMessageContaining("lostAfterFailedPolls");
        assertThatThrownBy(() -> new ClusterWatchSettings(Duration.ofSeconds(2), 4, 10, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(3), 4)).hasMessageContaining("maxBackoff");
    }

    @Test
    void aClusterThatAnswersIsUpUnlessItHasNoTaskManagerNoSlotAnOverviewErrorOrIsSlow() {
        Duration fast = Duration.ofMillis(20);
        Duration limit = Duration.ofSeconds(3);
        Optional<ClusterResources> fine = Optional.of(new ClusterResources(2, 8, 3, "1.20.0"));
        assertThat(ClusterWatcher.assess(fine, Optional.empty(), fast, limit).health()).isEqualTo(ClusterHealth.UP);
        assertThat(ClusterWatcher.assess(Optional.empty(), Optional.empty(), fast, limit).health())
                .as("resources not read yet").isEqualTo(ClusterHealth.UP);
        assertThat(ClusterWatcher.assess(Optional.of(new ClusterResources(0, 0, 0, "1.20.0")), Optional.empty(), fast,
                limit).reason()).isEqualTo("no TaskManager is registered (0 task slots)");
        assertThat(ClusterWatcher.assess(Optional.of(new ClusterResources(1, 0, 0, "1.20.0")), Optional.empty(), fast,
                limit).reason()).isEqualTo("1 TaskManagers but no task slot");
        assertThat(ClusterWatcher.assess(fine, Optional.of("GET /overview answered 500"), fast, limit).reason())
                .isEqualTo("answers /jobs/overview but not /overview: GET /overview answered 500");
        ClusterWatcher.Assessment slow = ClusterWatcher.assess(fine, Optional.empty(), Duration.ofMillis(3500), limit);
        assertThat(slow.health()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(slow.reason()).isEqualTo("answered /jobs/overview in 3500 ms, slower than 3000 ms");
    }
}
