package io.tributary.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A rule as a user asks for it, not yet checked: {@code event}, a scope ({@code job} or {@code cluster}, neither
 * for everything), {@code channels}, {@code severity} (the event's default when absent), {@code threshold} and
 * {@code windowMinutes} for counted events, {@code mutes}.
 */
public record NewAlertRule(
        String name,
        String event,
        String job,
        String cluster,
        List<String> channels,
        String severity,
        Integer threshold,
        Integer windowMinutes,
        List<Map<String, Object>> mutes) {

    /** The checked rule, with a new id. */
    public AlertRule toRule(String actor, Instant now) {
        AlertEventType type = AlertEventType.fromText(event).orElseThrow(() -> new InvalidAlertDefinitionException(
                "event", event == null ? "missing; one of " + List.of(AlertEventType.values())
                        : "unknown event '" + event + "'; one of " + List.of(AlertEventType.values())));
        if (job != null && cluster != null) {
            throw new InvalidAlertDefinitionException("scope", "give job or cluster, not both (neither: everything)");
        }
        AlertScope scope = job != null ? AlertScope.job(text(job, "job"))
                : cluster != null ? AlertScope.cluster(text(cluster, "cluster"))
                : AlertScope.ALL;
        if (channels == null || channels.isEmpty()) {
            throw new InvalidAlertDefinitionException("channels", "a rule needs at least one channel id");
        }
        List<String> channelIds = new ArrayList<>(new LinkedHashSet<>(channels.stream()
                .map(id -> text(id, "channels")).toList()));
        AlertSeverity level = severity == null ? type.defaultSeverity()
                : AlertSeverity.fromText(severity).orElseThrow(() -> new InvalidAlertDefinitionException("severity",
                        "unknown severity '" + severity + "'; one of " + List.of(AlertSeverity.values())));
        if (threshold != null && threshold < 1) {
            throw new InvalidAlertDefinitionException("threshold", "must be at least 1, was " + threshold);
        }
        if (windowMinutes != null && windowMinutes < 1) {
            throw new InvalidAlertDefinitionException("windowMinutes", "must be at least 1, was " + windowMinutes);
        }
        if (!type.needsThreshold() && threshold != null) {
            throw new InvalidAlertDefinitionException("threshold", type + " takes no threshold");
        }
        if (!type.needsWindow() && windowMinutes != null) {
            throw new InvalidAlertDefinitionException("windowMinutes", type + " takes no windowMinutes");
        }
        String ruleName = name == null || name.isBlank() ? type.name().toLowerCase() + " (" + describe(scope) + ")"
                : name.strip();
        if (ruleName.length() > 200) {
            throw new InvalidAlertDefinitionException("name", "at most 200 characters");
        }
        return new AlertRule(UUID.randomUUID().toString(), ruleName, type, scope, channelIds, level,
                threshold == null ? OptionalInt.empty() : OptionalInt.of(threshold),
                Optional.ofNullable(windowMinutes).map(minutes -> Duration.ofMinutes(minutes)),
                MuteWindows.parse(mutes), actor, now);
    }

    private static String describe(AlertScope scope) {
        return scope.kind() == AlertScope.Kind.ALL ? "everything"
                : scope.kind().name().toLowerCase() + " " + scope.id().orElseThrow();
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidAlertDefinitionException(field, "must not be empty");
        }
        return value.strip();
    }
}
