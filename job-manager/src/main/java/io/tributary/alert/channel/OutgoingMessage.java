package io.tributary.alert.channel;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.Alert;
import io.tributary.alert.AlertSeverity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One message to one channel: a single alert, a digest of many (part {@code part} of {@code parts} when the
 * platform's size limit forced a split), or a test. {@code key} is its idempotency key, the same on every attempt.
 */
public record OutgoingMessage(String key, Kind kind, int part, int parts, List<Alert> alerts, Instant createdAt) {

    public enum Kind { ALERT, DIGEST, TEST }

    public OutgoingMessage {
        requireNonNull(key, "key is null");
        requireNonNull(kind, "kind is null");
        alerts = List.copyOf(alerts);
        requireNonNull(createdAt, "createdAt is null");
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a message carries at least one alert");
        }
        if (part < 1 || part > parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts);
        }
    }

    /** The highest severity among its alerts. */
    public AlertSeverity severity() {
        return alerts.stream().map(Alert::severity).max(Comparator.naturalOrder()).orElseThrow();
    }
}
