package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterJob.ManagedJobRef;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the watcher knows of one cluster between polls: its health, its last answer, when it is due again. One
 * poll of a cluster runs at a time ({@link #tryStart}); readers get consistent {@link #status()} snapshots.
 */
final class ClusterTracker {

    private final ClusterWatchSettings settings;
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Flink job id to its managed job (empty: unmanaged); only the polling thread touches it. */
    private final Map<String, Optional<ManagedJobRef>> owners = new HashMap<>();

    private ClusterDefinition cluster;
    private ClusterHealth health;
    private Instant healthSince;
    private String healthReason;
    private int failures;
    private String lastError;
    private Instant lastErrorAt;
    private long lastStartMillis = -1;
    private boolean busy;
    private Instant lastPolledAt;
    private Instant lastAnsweredAt;
    private Duration lastResponseTime;
    private List<ClusterJob> jobs = List.of();
    private JobCounts counts = JobCounts.NONE;
    private ClusterResources resources;
    private Instant resourcesAt;
    private String resourcesSignature = "";
    private int pollsSinceResources;

    /** A tracker that starts from the health recorded last (or UNKNOWN when none was). */
    ClusterTracker(ClusterDefinition cluster, ClusterWatchSettings settings, ClusterHealth recordedHealth,
            Optional<Instant> recordedSince, Optional<String> recordedReason) {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.health = requireNonNull(recordedHealth, "recordedHealth is null");
        this.healthSince = recordedSince.orElse(null);
        this.healthReason = recordedHealth == ClusterHealth.UP ? null : recordedReason.orElse(null);
    }

    synchronized ClusterDefinition cluster() {
        return cluster;
    }

    synchronized ClusterHealth health() {
        return health;
    }

    /** Takes a changed definition; a cluster that moved is asked again at once, from a clean slate. */
    synchronized void update(ClusterDefinition changed) {
        boolean moved = !changed.location().equals(cluster.location());
        cluster = changed;
        if (moved) {
            lastStartMillis = -1;
            failures = 0;
            jobs = List.of();
            counts = JobCounts.NONE;
            resources = null;
            resourcesAt = null;
            resourcesSignature = "";
        }
    }

    /**
     * Starts a poll when the cluster is due at {@code nowMillis} (or at once when {@code force}) and no poll of it
     * is running; returns whether it started. {@code operationInFlight} makes it due at the fast interval.
     */
    boolean tryStart(long nowMillis, boolean operationInFlight, boolean force) {
        synchronized (this) {
            busy = operationInFlight;
            if (!force && lastStartMillis >= 0) {
                long tolerance = settings.fastInterval().toMillis() / 2;
                if (nowMillis - lastStartMillis < interval().toMillis() - tolerance) {
                    return false;
                }
            }
        }
        if (!polling.compareAndSet(false, true)) {
            return false;
        }
        synchronized (this) {
            lastStartMillis = nowMillis;
        }
        return true;
    }

    void finish() {
        polling.set(false);
    }

    /** The interval until the next poll: fast while an operation is in flight, backing off once LOST. */
    synchronized Duration interval() {
        if (failures >= settings.lostAfterFailedPolls()) {
            return settings.retryAfter(failures);
        }
        return busy ? settings.fastInterval() : settings.pollInterval();
    }

    synchronized void polledAt(Instant at) {
        lastPolledAt = at;
    }

    synchronized Optional<ClusterResources> resources() {
        return Optional.ofNullable(resources);
    }

    /**
     * Whether this poll reads {@code /overview} too: on the first answer and after a failure, on every poll while
     * the cluster is not UP, when the jobs' states changed since it was last read, and every N-th poll.
     */
    synchronized boolean needsResources(String jobsSignature) {
        boolean needed = resources == null || health != ClusterHealth.UP
                || !jobsSignature.equals(resourcesSignature)
                || pollsSinceResources + 1 >= settings.overviewEveryPolls();
        if (!needed) {
            pollsSinceResources++;
        }
        return needed;
    }

    synchronized void resourcesRead(ClusterResources read, String jobsSignature, Instant at) {
        resources = read;
        resourcesAt = at;
        resourcesSignature = jobsSignature;
        pollsSinceResources = 0;
    }

    synchronized void resourcesUnreadable() {
        resourcesSignature = "";
    }

    /** The owners of Flink jobs seen before; the map is pruned to the ids listed now. */
    Map<String, Optional<ManagedJobRef>> owners(Set<String> listedNow) {
        owners.keySet().retainAll(listedNow);
        return owners;
    }

    synchronized void answered(Instant at, Duration responseTime, List<ClusterJob> listed) {
        failures = 0;
        lastAnsweredAt = at;
        lastResponseTime = responseTime;
        jobs = List.copyOf(listed);
        counts = JobCounts.of(jobs);
    }

    /** Counts a failed poll; returns how many failed in a row. */
    synchronized int failed(String error, Instant at) {
        failures++;
        lastError = error;
        lastErrorAt = at;
        resourcesSignature = "";
        return failures;
    }

    /** Sets the health (the caller recorded the change first); a new reason for the same health only replaces it. */
    synchronized void health(ClusterHealth next, String reason, Instant at) {
        if (next != health) {
            health = next;
            healthSince = at;
        }
        healthReason = next == ClusterHealth.UP ? null : reason;
    }

    synchronized ClusterStatus status() {
        return new ClusterStatus(cluster, health, Optional.ofNullable(healthSince), Optional.ofNullable(healthReason),
                failures, Optional.ofNullable(lastError), Optional.ofNullable(lastErrorAt),
                Optional.ofNullable(lastPolledAt), Optional.ofNullable(lastAnsweredAt),
                Optional.ofNullable(lastResponseTime), interval(), counts, jobs, Optional.ofNullable(resources),
                Optional.ofNullable(resourcesAt));
    }
}
