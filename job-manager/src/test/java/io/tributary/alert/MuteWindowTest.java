package io.tributary.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mute windows as users write them: every day between two times in a time zone, or until an instant. */
class MuteWindowTest {

    @Test
    void aDailyWindowAcrossMidnightInItsTimeZone() {
        MuteWindow night = MuteWindows.parse(List.of(Map.of("from", "22:00", "to", "02:00",
                "timeZone", "Asia/Shanghai"))).get(0);
        assertThat(night.covers(Instant.parse("2026-11-24T14:30:00Z"))).as("22:30 in Shanghai").isTrue();
        assertThat(night.covers(Instant.parse("2026-11-24T17:59:00Z"))).as("01:59").isTrue();
        assertThat(night.covers(Instant.parse("2026-11-24T18:00:00Z"))).as("02:00, the end, excluded").isFalse();
        assertThat(night.covers(Instant.parse("2026-11-24T04:00:00Z"))).as("noon").isFalse();
    }

    @Test
    void untilAnInstantAndTheStoredFormRoundTrips() {
        List<MuteWindow> mutes = MuteWindows.parse(List.of(Map.of("until", "2026-12-01T06:00:00Z"),
                Map.of("from", "01:00", "to", "03:00")));
        assertThat(mutes.get(0).covers(Instant.parse("2026-11-30T23:00:00Z"))).isTrue();
        assertThat(mutes.get(0).covers(Instant.parse("2026-12-01T06:00:00Z"))).isFalse();
        assertThat(MuteWindows.fromJson(MuteWindows.toJson(mutes))).isEqualTo(mutes);
        assertThat(MuteWindows.describe(mutes)).containsExactly(Map.of("until", "2026-12-01T06:00:00Z"),
                Map.of("from", "01:00", "to", "03:00", "timeZone", "UTC"));
    }

    @Test
    void mistakesNameTheirField() {
        assertThatThrownBy(() -> MuteWindows.parse(List.of(Map.of("from", "01:00", "to", "3am"))))
                .isInstanceOfSatisfying(InvalidAlertDefinitionException.class,
                        e -> assertThat(e.field()).isEqualTo("mutes[0].to"));
        assertThatThrownBy(() -> MuteWindows.parse(List.of(Map.of("from", "01:00", "to", "03:00",
                "timeZone", "Mars/Olympus"))))
                .isInstanceOfSatisfying(InvalidAlertDefinitionException.class,
                        e -> assertThat(e.field()).isEqualTo("mutes[0].timeZone"));
    }
}
