package io.tributary.cluster;

/**
 * How a cluster is, as the watcher last saw it. The rules (ClusterWatcher, documented in clusters.md):
 * UP when it answers well; DEGRADED when it answers but has no TaskManager or no task slot, answers more slowly
 * than the configured limit, or answers {@code /jobs/overview} but not {@code /overview}; LOST after the configured
 * number of failed polls in a row. A cluster that failed fewer polls keeps its health (the failures are counted).
 */
public enum ClusterHealth {
    /** Not polled yet since the server started, and no health recorded before. */
    UNKNOWN,
    UP,
    DEGRADED,
    LOST
}
