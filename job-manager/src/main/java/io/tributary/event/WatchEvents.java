package io.tributary.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each {@link WatchEvent} to every registered {@link WatchEventListener}, in registration order: first
 * inside the transaction that stores the change, then after it committed.
 */
public final class WatchEvents {

    private static final Logger LOG = LoggerFactory.getLogger(WatchEvents.class);

    private final List<WatchEventListener> listeners = new CopyOnWriteArrayList<>();

    /** No listener yet (they are registered once built). */
    public WatchEvents() {}

    public void register(WatchEventListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /** Called inside the transaction that stores the change; an exception rolls it back. */
    public void inTransaction(WatchEvent event, DSLContext transaction) {
        requireNonNull(event, "event is null");
        requireNonNull(transaction, "transaction is null");
        for (WatchEventListener listener : listeners) {
            listener.inTransaction(event, transaction);
        }
    }

    /** Called once the change is committed; a listener's failure is logged and does not stop the others. */
    public void afterCommit(WatchEvent event) {
        requireNonNull(event, "event is null");
        for (WatchEventListener listener : listeners) {
            try {
                listener.afterCommit(event);
            } catch (RuntimeException e) {
                LOG.warn("Event listener {} failed on {}: {}", listener.getClass().getSimpleName(), event.type(),
                        e.toString());
            }
        }
    }
}
