package io.tributary.server.alert;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.Alert;
import io.tributary.alert.AlertEventType;
import io.tributary.alert.AlertSeverity;
import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.ChannelSenders;
import io.tributary.alert.channel.OutgoingMessage;
import io.tributary.alert.channel.SendOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sends a test message to a channel at once, outside the outbox (it is not an alert and is not retried), and
 * reports what the channel answered.
 */
@Component
class ChannelTester {

    private final ChannelSenders senders;
    private final Clock clock;

    ChannelTester(ChannelSenders senders, Clock clock) {
        this.senders = requireNonNull(senders, "senders is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    record Result(boolean accepted, Integer statusCode, String answer, String idempotencyKey, long tookMillis) {}

    Result test(AlertChannel channel, String actor) throws InterruptedException {
        Instant now = clock.instant();
        String key = "test-" + UUID.randomUUID();
        Alert sample = new Alert(key, AlertEventType.CLUSTER_RECOVERED, AlertSeverity.INFO, List.of(),
                Optional.empty(), Optional.empty(), Optional.of("embedded"), Optional.of("embedded"),
                Optional.empty(), "a test message requested by " + actor + " through the management API; nothing"
                        + " failed", OptionalInt.empty(), Map.of(), now, now);
        OutgoingMessage message = new OutgoingMessage(key, OutgoingMessage.Kind.TEST, 1, 1, List.of(sample), now);
        long start = System.nanoTime();
        SendOutcome outcome = senders.forType(channel.type()).send(channel, message);
        long took = (System.nanoTime() - start) / 1_000_000;
        if (!outcome.accepted()) {
            throw new ChannelTestFailedException(channel.name(), outcome);
        }
        return new Result(true, outcome.statusCode().isPresent() ? outcome.statusCode().getAsInt() : null,
                outcome.answer(), key, took);
    }
}
