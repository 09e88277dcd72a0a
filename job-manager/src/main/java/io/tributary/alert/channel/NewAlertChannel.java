package io.tributary.alert.channel;

import io.tributary.alert.InvalidAlertDefinitionException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A channel as a user asks for it, not yet checked: {@code name}, {@code type} and the type's settings (webhook:
 * {@code url}, {@code secret}; email: {@code host}, {@code port}, {@code username}, {@code password}, {@code from},
 * {@code to}, {@code tls}; lark and dingtalk: {@code url}, {@code secret}; wecom and slack: {@code url}), and an
 * optional {@code rateLimitPerMinute}.
 */
public record NewAlertChannel(String name, String type, Map<String, Object> settings, Integer rateLimitPerMinute) {

    /** How email reaches its server: STARTTLS on a plain connection (default), SSL from the start, or neither. */
    public static final List<String> TLS_MODES = List.of("starttls", "ssl", "none");

    public AlertChannel toChannel(String actor, Instant now) {
        if (name == null || name.isBlank()) {
            throw new InvalidAlertDefinitionException("name", "must not be empty");
        }
        if (name.strip().length() > 200) {
            throw new InvalidAlertDefinitionException("name", "at most 200 characters");
        }
        ChannelType channelType = ChannelType.fromLabel(type).orElseThrow(() -> new InvalidAlertDefinitionException(
                "type", (type == null ? "missing" : "unknown channel type '" + type + "'") + "; one of "
                        + java.util.Arrays.stream(ChannelType.values()).map(ChannelType::label).toList()));
        if (rateLimitPerMinute != null && (rateLimitPerMinute < 1 || rateLimitPerMinute > 6000)) {
            throw new InvalidAlertDefinitionException("rateLimitPerMinute", "must be between 1 and 6000, was "
                    + rateLimitPerMinute);
        }
        Map<String, Object> given = settings == null ? Map.of() : settings;
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String key = entry.getKey();
            if (!channelType.requiredSettings().contains(key) && !channelType.optionalSettings().contains(key)) {
                throw new InvalidAlertDefinitionException(key, "not a setting of a " + channelType.label()
                        + " channel; its settings: " + all(channelType));
            }
            if (entry.getValue() == null) {
                continue;
            }
            String value = text(entry.getValue());
            if (value.isBlank()) {
                continue;
            }
            (channelType.secretSettings().contains(key) ? secret : plain).put(key, value);
        }
        for (String key : channelType.requiredSettings()) {
            if (!plain.containsKey(key) && !secret.containsKey(key)) {
                throw new InvalidAlertDefinitionException(key, "a " + channelType.label() + " channel needs " + key);
            }
        }
        if (channelType == ChannelType.EMAIL) {
            checkEmail(plain);
        } else {
            checkUrl(secret.get("url"));
        }
        return new AlertChannel(UUID.randomUUID().toString(), name.strip(), channelType, plain, secret,
                rateLimitPerMinute == null ? OptionalInt.empty() : OptionalInt.of(rateLimitPerMinute), actor, now);
    }

    private static void checkEmail(Map<String, String> plain) {
        String tls = plain.getOrDefault("tls", "starttls").toLowerCase(Locale.ROOT);
        if (!TLS_MODES.contains(tls)) {
            throw new InvalidAlertDefinitionException("tls", "'" + tls + "' is not one of " + TLS_MODES);
        }
        plain.put("tls", tls);
        if (plain.containsKey("port")) {
            try {
                int port = Integer.parseInt(plain.get("port"));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidAlertDefinitionException("port", "'" + plain.get("port") + "' is not a port");
            }
        }
        address(plain.get("from"), "from");
        List<String> recipients = new ArrayList<>();
        for (String recipient : plain.get("to").split(",")) {
            if (!recipient.isBlank()) {
                recipients.add(address(recipient.strip(), "to"));
            }
        }
        if (recipients.isEmpty()) {
            throw new InvalidAlertDefinitionException("to", "needs at least one address");
        }
        plain.put("to", String.join(",", recipients));
    }

    private static String address(String value, String field) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            return address.toString();
        } catch (AddressException e) {
            throw new InvalidAlertDefinitionException(field, "'" + value + "' is not an email address: "
                    + e.getMessage());
        }
    }

    private static void checkUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            // The message would repeat the URL, which may carry the platform's token: say only what is wrong.
            throw new InvalidAlertDefinitionException("url", "not an http or https URL with a host");
        }
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            return String.join(",", values.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value).strip();
    }

    private static List<String> all(ChannelType type) {
        List<String> keys = new ArrayList<>(type.requiredSettings());
        keys.addAll(type.optionalSettings());
        return keys;
    }
}
