package io.tributary.event;

import java.time.Instant;

/**
 * A change of state that Tributary noticed and stored: a managed job's state ({@link JobStateChanged}) or a
 * cluster's health ({@link ClusterHealthChanged}). Every event is written to the metadata database first (the
 * truth), then published to the {@link WatchEventListener}s — alerting builds on this contract.
 */
public sealed interface WatchEvent permits JobStateChanged, ClusterHealthChanged {

    /** What happened, for rules to match on (e.g. {@code JOB_FAILED}, {@code CLUSTER_LOST}). */
    EventType type();

    /** The cluster the event concerns ({@code embedded} for the embedded one). */
    String clusterId();

    /** When the change was stored. */
    Instant at();

    /** One line for people: what changed and why. */
    String summary();
}
