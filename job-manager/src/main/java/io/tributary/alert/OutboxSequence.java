package io.tributary.alert;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order of the outbox without AUTO_INCREMENT: epoch milliseconds times 1000, strictly increasing within this
 * process, so alerts and messages are sent in the order they were raised (across instances: in the order of their
 * clocks).
 */
public final class OutboxSequence {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public OutboxSequence(Clock clock) {
        this.clock = clock;
    }

    public long next() {
        long candidate = clock.millis() * 1000;
        return last.updateAndGet(previous -> Math.max(previous + 1, candidate));
    }
}
