package io.tributary.alert.channel;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Where alerts go: a channel of one type with its settings. {@code secrets} holds the plain values of the secret
 * settings, in memory only (the database holds them encrypted); {@link #toString()} never shows them.
 */
public record AlertChannel(
        String id,
        String name,
        ChannelType type,
        Map<String, String> settings,
        Map<String, String> secrets,
        OptionalInt rateLimitPerMinute,
        String createdBy,
        Instant createdAt) {

    public AlertChannel {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        settings = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(settings, "settings is null")));
        secrets = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(secrets, "secrets is null")));
        requireNonNull(rateLimitPerMinute, "rateLimitPerMinute is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** A setting, secret or not. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(secrets.get(key)).or(() -> Optional.ofNullable(settings.get(key)))
                .filter(value -> !value.isBlank());
    }

    public String requiredSetting(String key) {
        return setting(key).orElseThrow(() -> new IllegalStateException("channel '" + name + "' has no " + key));
    }

    /** The rate limit in force: the channel's own, else the given default for its type. */
    public int ratePerMinute(int typeDefault) {
        return rateLimitPerMinute.orElse(typeDefault);
    }

    @Override
    public String toString() {
        return "AlertChannel[" + name + " (" + type.label() + ", " + id + "), settings=" + settings + ", secrets="
                + secrets.keySet() + "]";
    }
}
