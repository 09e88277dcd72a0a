package io.tributary.alert;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When to raise an alert and where to send it: an event type, a scope, the channels, a severity, mute windows,
 * and for counted events the threshold N (restarts more than N times in {@code window}; N checkpoints failing
 * in a row).
 */
public record AlertRule(
        String id,
        String name,
        AlertEventType event,
        AlertScope scope,
        List<String> channelIds,
        AlertSeverity severity,
        OptionalInt threshold,
        Optional<Duration> window,
        List<MuteWindow> mutes,
        String createdBy,
        Instant createdAt) {

    public AlertRule {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(event, "event is null");
        requireNonNull(scope, "scope is null");
        channelIds = List.copyOf(channelIds);
        requireNonNull(severity, "severity is null");
        requireNonNull(threshold, "threshold is null");
        requireNonNull(window, "window is null");
        mutes = List.copyOf(mutes);
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        if (event.needsThreshold() && threshold.isEmpty()) {
            throw new InvalidAlertDefinitionException("threshold", event + " needs a threshold (N)");
        }
        if (event.needsWindow() && window.isEmpty()) {
            throw new InvalidAlertDefinitionException("windowMinutes", event + " needs windowMinutes (M)");
        }
        if (channelIds.isEmpty()) {
            throw new InvalidAlertDefinitionException("channels", "a rule needs at least one channel");
        }
        if (scope.kind() == AlertScope.Kind.JOB && !event.jobEvent()) {
            throw new InvalidAlertDefinitionException("scope", event + " concerns a cluster; scope it to a cluster"
                    + " or to everything");
        }
    }

    /** Whether the rule is muted at {@code instant}. */
    public boolean mutedAt(Instant instant) {
        return mutes.stream().anyMatch(mute -> mute.covers(instant));
    }
}
