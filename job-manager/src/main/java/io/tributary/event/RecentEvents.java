package io.tributary.event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The latest events in memory, newest first, for the API ({@code GET /api/v1/events}): a bounded view of what was
 * published since the server started, not a history (that is in the job transitions and cluster health tables).
 */
public final class RecentEvents implements WatchEventListener {

    private final int capacity;
    private final Deque<WatchEvent> events;

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public synchronized void afterCommit(WatchEvent event) {
        if (events.size() == capacity) {
            events.removeLast();
        }
        events.addFirst(event);
    }

    /** At most {@code limit} events that match, newest first. */
    public synchronized List<WatchEvent> latest(int limit, Predicate<WatchEvent> filter) {
        List<WatchEvent> result = new ArrayList<>(Math.min(limit, events.size()));
        for (Iterator<WatchEvent> it = events.iterator(); it.hasNext() && result.size() < limit; ) {
            WatchEvent event = it.next();
            if (filter.test(event)) {
                result.add(event);
            }
        }
        return result;
    }

    public int capacity() {
        return capacity;
    }
}
