package io.tributary.job;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a managed job. Every change goes through {@link #canTransitionTo}, and is stored with a
 * conditional update on the state it was read in (compare-and-set), so two actors never both win.
 */
public enum JobState {
    /** Stored and validated, never deployed. */
    CREATED,
    /** Being submitted to its cluster. */
    DEPLOYING,
    RUNNING,
    /** Flink is restarting it after a failure (its own restart strategy). */
    RESTARTING,
    /** A stop with savepoint is under way; it stays here until Flink answers or the savepoint timeout passes. */
    SAVEPOINTING,
    /** A cancel is under way. */
    CANCELLING,
    /** Stopped with a savepoint: it can be restarted from it. */
    STOPPED,
    CANCELED,
    FAILED,
    /** A bounded job that ran to its end. */
    FINISHED,
    /** Its cluster does not answer, or no longer knows the job. */
    LOST;

    private static final Map<JobState, Set<JobState>> TRANSITIONS = Map.ofEntries(
            Map.entry(CREATED, EnumSet.of(DEPLOYING)),
            Map.entry(DEPLOYING, EnumSet.of(RUNNING, FAILED, FINISHED, CANCELED, LOST)),
            Map.entry(RUNNING, EnumSet.of(RESTARTING, SAVEPOINTING, CANCELLING, FAILED, FINISHED, CANCELED, LOST)),
            Map.entry(RESTARTING, EnumSet.of(RUNNING, CANCELLING, FAILED, FINISHED, CANCELED, LOST)),
            Map.entry(SAVEPOINTING, EnumSet.of(STOPPED, RUNNING, RESTARTING, FAILED, FINISHED, CANCELED, LOST)),
            Map.entry(CANCELLING, EnumSet.of(CANCELED, RUNNING, FAILED, FINISHED, LOST)),
            Map.entry(STOPPED, EnumSet.of(DEPLOYING)),
            Map.entry(CANCELED, EnumSet.of(DEPLOYING)),
            Map.entry(FAILED, EnumSet.of(DEPLOYING)),
            Map.entry(FINISHED, EnumSet.of(DEPLOYING)),
            Map.entry(LOST, EnumSet.of(RUNNING, RESTARTING, FAILED, FINISHED, CANCELED, DEPLOYING)));

    public boolean canTransitionTo(JobState next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public Set<JobState> nextStates() {
        return EnumSet.copyOf(TRANSITIONS.get(this));
    }

    /** True while the job occupies its cluster or an operation on it is under way. */
    public boolean active() {
        return this == DEPLOYING || this == RUNNING || this == RESTARTING || this == SAVEPOINTING
                || this == CANCELLING;
    }

    /** True when the job can be deployed (again). */
    public boolean deployable() {
        return canTransitionTo(DEPLOYING);
    }
}
