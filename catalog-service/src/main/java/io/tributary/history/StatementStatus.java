package io.tributary.history;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a statement of the history stands. A statement is recorded RUNNING when the gateway accepts it and moves
 * once, by a conditional update, to one of the final states; a statement the server refused before Flink saw it is
 * recorded REFUSED.
 */
public enum StatementStatus {
    /** Accepted by the gateway; not ended yet (a query stays here while its rows are being read). */
    RUNNING,
    /** Ran to its end: a query's rows were all read, another statement's operation finished. */
    FINISHED,
    /** Flink failed it (the error text says why). */
    ERROR,
    /** Canceled or closed before its end, by the client or with its session. */
    CANCELED,
    /** Refused by the server before Flink ran it (an impact check: running jobs depend on what it changes). */
    REFUSED;

    private static final Map<StatementStatus, Set<StatementStatus>> TRANSITIONS = Map.of(
            RUNNING, EnumSet.of(FINISHED, ERROR, CANCELED),
            FINISHED, EnumSet.noneOf(StatementStatus.class),
            ERROR, EnumSet.noneOf(StatementStatus.class),
            CANCELED, EnumSet.noneOf(StatementStatus.class),
            REFUSED, EnumSet.noneOf(StatementStatus.class));

    public boolean canTransitionTo(StatementStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean ended() {
        return this != RUNNING;
    }
}
