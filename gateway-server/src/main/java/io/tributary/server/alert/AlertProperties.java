package io.tributary.server.alert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tributary.alerts.*}: how alerts are dispatched. Bound as part of
 * {@link io.tributary.server.config.TributaryProperties}; the README (alerts.md) lists every key.
 *
 * @param enabled whether this instance runs dispatchers (alerts are written to the outbox regardless)
 * @param publicUrl the management API's address as users reach it, for the links in messages; empty: this
 *     server's own address ({@code http://<server.address>:<server.port>})
 * @param pollInterval how often an idle dispatcher looks at the outbox
 * @param leaseDuration how long a dispatcher's hold on a channel lasts without renewal (another instance takes a
 *     channel over at most this long after its holder died)
 * @param requestTimeout how long one request to a channel (HTTP or SMTP) may take
 * @param maxAttempts attempts per message before its alerts are marked FAILED
 * @param initialBackoff the wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between attempts (a longer Retry-After is honoured, up to an hour)
 * @param rateLimits messages per minute by channel type, over the built-in defaults (webhook 60, email 30, lark
 *     100, dingtalk 20, wecom 20, slack 60)
 */
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        String publicUrl,
        @NotNull @DefaultValue("250ms") Duration pollInterval,
        @NotNull @DefaultValue("30s") Duration leaseDuration,
        @NotNull @DefaultValue("10s") Duration requestTimeout,
        @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("1s") Duration initialBackoff,
        @NotNull @DefaultValue("5m") Duration maxBackoff,
        @NotNull @DefaultValue Map<String, Integer> rateLimits) {}
