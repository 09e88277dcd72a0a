package io.tributary.event;

import io.tributary.cluster.ClusterHealth;
import io.tributary.job.JobState;

/**
 * What a {@link WatchEvent} reports. A job's type follows from the state it left and the one it reached; a
 * cluster's from its health before and after.
 */
public enum EventType {
    JOB_DEPLOYING,
    /** The job reached RUNNING after a deployment. */
    JOB_STARTED,
    /** The job is RUNNING again after it was RESTARTING or LOST, or after a cancel that did not happen. */
    JOB_RUNNING_AGAIN,
    /** Flink is restarting the job after a failure (its own restart strategy). */
    JOB_RESTARTING,
    JOB_SAVEPOINTING,
    /** A stop with savepoint did not happen (failed or timed out); the job keeps running. */
    JOB_SAVEPOINT_FAILED,
    JOB_CANCELLING,
    JOB_STOPPED,
    JOB_CANCELED,
    JOB_FAILED,
    JOB_FINISHED,
    /** Its cluster is LOST, or no longer knows the job. */
    JOB_LOST,
    /** The cluster answers but is not well: no TaskManager, no task slot, slow, or only partly answering. */
    CLUSTER_DEGRADED,
    /** The cluster did not answer the configured number of polls in a row. */
    CLUSTER_LOST,
    /** The cluster is UP again after it was LOST or DEGRADED. */
    CLUSTER_RECOVERED;

    /** The type of a job's change from one state to the next. */
    public static EventType ofJob(JobState from, JobState to) {
        return switch (to) {
            case CREATED -> throw new IllegalArgumentException("no job goes back to CREATED");
            case DEPLOYING -> JOB_DEPLOYING;
            case RUNNING -> from == JobState.DEPLOYING ? JOB_STARTED
                    : from == JobState.SAVEPOINTING ? JOB_SAVEPOINT_FAILED : JOB_RUNNING_AGAIN;
            case RESTARTING -> from == JobState.SAVEPOINTING ? JOB_SAVEPOINT_FAILED : JOB_RESTARTING;
            case SAVEPOINTING -> JOB_SAVEPOINTING;
            case CANCELLING -> JOB_CANCELLING;
            case STOPPED -> JOB_STOPPED;
            case CANCELED -> JOB_CANCELED;
            case FAILED -> JOB_FAILED;
            case FINISHED -> JOB_FINISHED;
            case LOST -> JOB_LOST;
        };
    }

    /** The type of a cluster's change of health (a first answer, UNKNOWN to UP, is not recorded as an event). */
    public static EventType ofCluster(ClusterHealth from, ClusterHealth to) {
        return switch (to) {
            case LOST -> CLUSTER_LOST;
            case DEGRADED -> CLUSTER_DEGRADED;
            case UP -> CLUSTER_RECOVERED;
            case UNKNOWN -> throw new IllegalArgumentException("no cluster goes back to UNKNOWN");
        };
    }

    public boolean concernsJob() {
        return name().startsWith("JOB_");
    }
}
