package io.tributary.job;

import org.jooq.DSLContext;

/**
 * Called by {@link ManagedJobRepository#applyChange} inside the transaction that stores a job's state change,
 * after the change and its transition are written: whatever the listener writes with {@code transaction} commits
 * or rolls back together with the change (an alert in the outbox, for example). An exception it throws rolls the
 * change back.
 */
@FunctionalInterface
public interface StateChangeListener {

    /** Listens to nothing. */
    StateChangeListener NONE = (transaction, job, change) -> {};

    /**
     * @param transaction the transaction of the change; not to be used after the call returns
     * @param job the job as it is now stored, in {@code change.next()}
     * @param change the change that was applied ({@code change.expected()} is the state it left)
     */
    void onStateChange(DSLContext transaction, ManagedJob job, StateChange change);

    /** Called after the transaction of a change committed (not after a rollback): e.g. to wake a dispatcher. */
    default void afterCommit(ManagedJob job, StateChange change) {}
}
