package io.tributary.event;

import org.jooq.DSLContext;

/**
 * Receives every {@link WatchEvent}, in two steps around the database transaction that stores the change:
 * <ol>
 *   <li>{@link #inTransaction}: inside that transaction, before it commits — write what must be stored together
 *       with the change (an alert in an outbox table) through {@code transaction}. An exception rolls the change
 *       back: both are stored, or neither. Keep it to a few statements; no network calls here.</li>
 *   <li>{@link #afterCommit}: once the change is committed — publish, wake a dispatcher, update a view. It must
 *       return quickly (it runs on the watcher's threads) and its exceptions are logged and ignored.</li>
 * </ol>
 * Register listeners with {@link WatchEvents#register}.
 */
public interface WatchEventListener {

    default void inTransaction(WatchEvent event, DSLContext transaction) {}

    default void afterCommit(WatchEvent event) {}
}
