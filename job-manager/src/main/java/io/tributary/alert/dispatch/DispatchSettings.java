package io.tributary.alert.dispatch;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.channel.ChannelType;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How dispatchers work.
 *
 * @param pollInterval how often an idle dispatcher looks at the outbox
 * @param leaseDuration how long a dispatcher's lease on its channel lasts without renewal; another instance takes
 *     the channel over at most this long after the holder died
 * @param requestTimeout how long one request to a channel may take (the lease is renewed to outlast it)
 * @param maxAttempts attempts per message before its alerts are FAILED
 * @param initialBackoff the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts (a longer Retry-After is still honoured, up to an hour)
 * @param maxAlertsPerMessage the most alerts read into one digest (more wait for the next)
 * @param channelRefresh how often the list of channels is read again
 * @param rateLimits rate limits per minute by channel type, over the types' defaults
 */
public record DispatchSettings(
        Duration pollInterval,
        Duration leaseDuration,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxAlertsPerMessage,
        Duration channelRefresh,
        Map<ChannelType, Integer> rateLimits) {

    public static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    public static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    public DispatchSettings {
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(leaseDuration, "leaseDuration is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(channelRefresh, "channelRefresh is null");
        rateLimits = rateLimits.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(rateLimits));
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (maxAlertsPerMessage < 1) {
            throw new IllegalArgumentException("maxAlertsPerMessage must be at least 1");
        }
        if (leaseDuration.compareTo(requestTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the lease (" + leaseDuration + ") must last at least twice the"
                    + " request timeout (" + requestTimeout + ")");
        }
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings(Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(10), 8,
                Duration.ofSeconds(1), Duration.ofMinutes(5), 5000, Duration.ofSeconds(5), Map.of());
    }

    /** The rate limit per minute of a channel type when the channel sets none. */
    public int defaultRate(ChannelType type) {
        return rateLimits.getOrDefault(type, type.defaultRatePerMinute());
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration backoff(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
