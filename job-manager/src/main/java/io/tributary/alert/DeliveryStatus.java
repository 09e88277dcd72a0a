package io.tributary.alert;

/** Where one alert stands with one channel. */
public enum DeliveryStatus {
    /** In the outbox: not yet accepted by the channel. */
    PENDING,
    /** The channel accepted a message carrying it. */
    DELIVERED,
    /** Given up: rejected by the channel, or still failing after the last retry; {@code lastError} says why. */
    FAILED,
    /** Raised while every rule that sends it to this channel was muted: kept, never sent. */
    MUTED
}
