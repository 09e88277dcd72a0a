package io.tributary.alert;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A time during which a rule raises its alerts without sending them (they are kept, marked MUTED): every day
 * between two times of day in a time zone, or until an instant.
 */
public sealed interface MuteWindow permits MuteWindow.Daily, MuteWindow.Until {

    boolean covers(Instant instant);

    /** Every day from {@code from} (inclusive) to {@code to} (exclusive); across midnight when to is before from. */
    record Daily(LocalTime from, LocalTime to, ZoneId zone) implements MuteWindow {
        public Daily {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(zone, "zone is null");
            if (from.equals(to)) {
                throw new IllegalArgumentException("a daily mute window needs from and to to differ");
            }
        }

        @Override
        public boolean covers(Instant instant) {
            LocalTime time = instant.atZone(zone).toLocalTime();
            return from.isBefore(to)
                    ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }

    /** From now until an instant (a maintenance, say). */
    record Until(Instant until) implements MuteWindow {
        public Until {
            requireNonNull(until, "until is null");
        }

        @Override
        public boolean covers(Instant instant) {
            return instant.isBefore(until);
        }
    }
}
