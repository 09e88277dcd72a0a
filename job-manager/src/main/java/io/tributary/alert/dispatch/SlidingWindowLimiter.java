package io.tributary.alert.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;

/**
 * At most {@code limit} requests in any window of {@code window}: a log of the recent requests, not fixed buckets,
 * so that no two windows' worth can meet at a boundary (DingTalk throttles a robot for 10 minutes after 21 in a
 * minute). Seeded from the database when a dispatcher takes a channel over. Not thread-safe: one dispatcher owns
 * it.
 */
final class SlidingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> recent = new ArrayDeque<>();

    SlidingWindowLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.window = window;
    }

    int limit() {
        return limit;
    }

    /** Replaces what it knows with the requests made in the last window (by this or another instance). */
    void seed(Collection<Instant> requests) {
        recent.clear();
        requests.stream().sorted().forEach(recent::addLast);
    }

    /** How long until one more request is allowed (zero: now). */
    Duration waitTime(Instant now) {
        purge(now);
        if (recent.size() < limit) {
            return Duration.ZERO;
        }
        Instant oldest = recent.peekFirst();
        Duration wait = Duration.between(now, oldest.plus(window));
        return wait.isNegative() ? Duration.ZERO : wait.plusMillis(1);
    }

    /** How many requests could be made right now. */
    int available(Instant now) {
        purge(now);
        return Math.max(0, limit - recent.size());
    }

    /** The latest request it knows of. */
    Optional<Instant> last() {
        return Optional.ofNullable(recent.peekLast());
    }

    void record(Instant request) {
        recent.addLast(request);
    }

    private void purge(Instant now) {
        Instant start = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
            recent.removeFirst();
        }
    }
}
