package io.tributary.server.alert;

import io.tributary.alert.Alert;
import io.tributary.alert.AlertHistory;
import io.tributary.alert.AlertRule;
import io.tributary.alert.DeliveryStatus;
import io.tributary.alert.MuteWindows;
import io.tributary.alert.channel.AlertChannel;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Channels, rules and alerts as the API shows them: secrets only as set or unset, never their values. */
final class AlertViews {

    private AlertViews() {}

    record ChannelView(String id, String name, String type, Map<String, String> settings, Map<String, String> secrets,
            int rateLimitPerMinute, String rateLimitSource, Map<DeliveryStatus, Integer> deliveries, String createdBy,
            Instant createdAt) {}

    static ChannelView channel(AlertChannel channel, int defaultRate, Map<DeliveryStatus, Integer> deliveries) {
        Map<String, String> settings = new LinkedHashMap<>(channel.settings());
        channel.setting("url").ifPresent(url -> settings.put("url", redactedUrl(url)));
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String key : channel.type().secretSettings()) {
            secrets.put(key, channel.secrets().containsKey(key) ? "set" : "unset");
        }
        return new ChannelView(channel.id(), channel.name(), channel.type().label(), settings, secrets,
                channel.ratePerMinute(defaultRate), channel.rateLimitPerMinute().isPresent() ? "channel" : "default",
                deliveries, channel.createdBy(), channel.createdAt());
    }

    /** Scheme, host and port only: the rest of a chat platform's webhook URL is its token. */
    static String redactedUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                    + "/***";
        } catch (IllegalArgumentException e) {
            return "***";
        }
    }

    record RuleView(String id, String name, String event, Map<String, String> scope, List<String> channels,
            String severity, Integer threshold, Long windowMinutes, List<Map<String, Object>> mutes, String createdBy,
            Instant createdAt) {}

    static RuleView rule(AlertRule rule) {
        Map<String, String> scope = new LinkedHashMap<>();
        scope.put("kind", rule.scope().kind().name().toLowerCase());
        rule.scope().id().ifPresent(id -> scope.put("id", id));
        return new RuleView(rule.id(), rule.name(), rule.event().name(), scope, rule.channelIds(),
                rule.severity().name(), rule.threshold().isPresent() ? rule.threshold().getAsInt() : null,
                rule.window().map(window -> window.toMinutes()).orElse(null), MuteWindows.describe(rule.mutes()),
                rule.createdBy(), rule.createdAt());
    }

    record Reference(String id, String name) {}

    record DeliveryView(String channel, String channelName, DeliveryStatus status, int attempts, String lastError,
            Instant lastAttemptAt, Instant deliveredAt, String messageId, String messageKind) {}

    record AlertView(String id, String event, String severity, String headline, Reference job, Reference cluster,
            String flinkJobId, String reason, Integer count, Map<String, String> links, List<String> rules,
            Instant occurredAt, Instant createdAt, List<DeliveryView> deliveries) {}

    static AlertView alert(AlertHistory.Entry entry, Map<String, String> channelNames) {
        Alert alert = entry.alert();
        List<DeliveryView> deliveries = entry.deliveries().stream().map(delivery -> new DeliveryView(
                delivery.channelId(), channelNames.get(delivery.channelId()), delivery.status(), delivery.attempts(),
                delivery.lastError().orElse(null), delivery.lastAttemptAt().orElse(null),
                delivery.deliveredAt().orElse(null), delivery.messageId().orElse(null),
                delivery.messageKind().map(kind -> kind.toLowerCase()).orElse(null))).toList();
        return new AlertView(alert.id(), alert.event().name(), alert.severity().name(), alert.headline(),
                alert.jobId().map(id -> new Reference(id, alert.jobName().orElse(null))).orElse(null),
                alert.clusterId().map(id -> new Reference(id, alert.clusterName().orElse(null))).orElse(null),
                alert.flinkJobId().orElse(null), alert.reason(),
                alert.count().isPresent() ? alert.count().getAsInt() : null, alert.links(), alert.ruleIds(),
                alert.occurredAt(), alert.createdAt(), deliveries);
    }
}
