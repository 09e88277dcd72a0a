package io.tributary.alert.channel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of alert channel, with their settings, which of them are secrets (encrypted at rest, never returned),
 * the default rate limit and the largest message the platform takes. The limits are the platforms' documented
 * ones (see alerts.md); for the webhook and email, which have no platform, ours.
 */
public enum ChannelType {
    /** Any HTTP endpoint: a JSON body, signed with HMAC-SHA256 when a secret is set. */
    WEBHOOK("webhook", 60, 1_048_576, List.of("url"), List.of("secret"), Set.of("url", "secret")),
    /** SMTP through Spring's JavaMailSender. */
    EMAIL("email", 30, Integer.MAX_VALUE, List.of("host", "from", "to"),
            List.of("port", "username", "password", "tls", "sslTrust"), Set.of("password")),
    /** A Lark/Feishu custom bot: 100 requests a minute and 5 a second, a body of at most 20 KB. */
    LARK("lark", 100, 18_000, List.of("url"), List.of("secret"), Set.of("url", "secret")),
    /** A DingTalk custom robot: 20 messages a minute (more are throttled for 10 minutes). */
    DINGTALK("dingtalk", 20, 18_000, List.of("url"), List.of("secret"), Set.of("url", "secret")),
    /** A WeCom group robot: 20 messages a minute, markdown content of at most 4096 bytes. */
    WECOM("wecom", 20, 4_000, List.of("url"), List.of(), Set.of("url")),
    /** A Slack incoming webhook: about one message a second; text beyond 40,000 characters is cut. */
    SLACK("slack", 60, 35_000, List.of("url"), List.of(), Set.of("url"));

    private final String label;
    private final int defaultRatePerMinute;
    private final int maxMessageBytes;
    private final List<String> required;
    private final List<String> optional;
    private final Set<String> secrets;

    ChannelType(String label, int defaultRatePerMinute, int maxMessageBytes, List<String> required,
            List<String> optional, Set<String> secrets) {
        this.label = label;
        this.defaultRatePerMinute = defaultRatePerMinute;
        this.maxMessageBytes = maxMessageBytes;
        this.required = required;
        this.optional = optional;
        this.secrets = secrets;
    }

    /** The name in the API: {@code webhook}, {@code email}, {@code lark}, {@code dingtalk}, {@code wecom}, ... */
    public String label() {
        return label;
    }

    public int defaultRatePerMinute() {
        return defaultRatePerMinute;
    }

    /** The largest message content (UTF-8 bytes of the request body's text) one message may have. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public List<String> requiredSettings() {
        return required;
    }

    public List<String> optionalSettings() {
        return optional;
    }

    /** The settings that are credentials: the chat platforms' webhook URLs carry their token. */
    public Set<String> secretSettings() {
        return secrets;
    }

    public static Optional<ChannelType> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        for (ChannelType type : values()) {
            if (type.label.equals(wanted) || (type == LARK && wanted.equals("feishu"))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
