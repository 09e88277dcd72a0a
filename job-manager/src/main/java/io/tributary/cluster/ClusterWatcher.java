package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterJob.ManagedJobRef;
import io.tributary.event.ClusterHealthChanged;
import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.deploy.ObservedJob;
import io.tributary.job.lifecycle.JobReconciler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every cluster — the embedded one and every registered one — at the cost of one request per cluster per
 * poll (Flink's {@code /jobs/overview}), never one per job, plus {@code /overview} only when needed (see
 * {@link ClusterWatchSettings#overviewEveryPolls()}). From each answer it:
 * <ul>
 *   <li>keeps the cluster's jobs and counts, telling the jobs of managed jobs from unmanaged ones;</li>
 *   <li>judges the cluster's health (UP, DEGRADED, LOST) and records every change before publishing it;</li>
 *   <li>lets the {@link JobReconciler} correct every managed job from that one answer (each change is stored, then
 *       published as an event by the job repository); a LOST cluster's running jobs become LOST.</li>
 * </ul>
 * {@link #tick()} is called every {@link #tickInterval()}: it polls the clusters that are due — every poll interval,
 * faster while an operation is in flight on the cluster, backing off once it is LOST. Polls of different clusters
 * run in parallel on the watcher's own threads, so a cluster that hangs delays no other.
 */
public final class ClusterWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);
    /** The states a poll corrects (an operation in flight is its own owner; see JobReconciler). */
    private static final EnumSet<JobState> WATCHED = EnumSet.of(JobState.RUNNING, JobState.RESTARTING, JobState.LOST);

    private final ClusterRegistry registry;
    private final ManagedJobRepository jobs;
    private final ClusterJobQueries queries;
    private final JobReconciler reconciler;
    private final ClusterHealthRepository healthRecords;
    private final ClusterWatchSettings settings;
    private final Clock clock;
    private final ExecutorService pollers;
    private final Map<String, ClusterTracker> trackers = new ConcurrentHashMap<>();
    /** The poll of each cluster that runs now, so that whoever asks for one meanwhile waits for its answer. */
    private final Map<String, CompletableFuture<ClusterPoll>> running = new ConcurrentHashMap<>();
    private volatile Map<String, ClusterHealthChanged> recordedHealth;

    public ClusterWatcher(ClusterRegistry registry, ManagedJobRepository jobs, ClusterJobQueries queries,
            JobReconciler reconciler, ClusterHealthRepository healthRecords, ClusterWatchSettings settings,
            Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.queries = requireNonNull(queries, "queries is null");
        this.reconciler = requireNonNull(reconciler, "reconciler is null");
        this.healthRecords = requireNonNull(healthRecords, "healthRecords is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        AtomicInteger threads = new AtomicInteger();
        this.pollers = Executors.newFixedThreadPool(settings.pollThreads(), runnable -> {
            Thread thread = new Thread(runnable, "tributary-cluster-poll-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public ClusterWatchSettings settings() {
        return settings;
    }

    /** How often {@link #tick()} should be called: the fast interval, so that a busy cluster is polled on time. */
    public Duration tickInterval() {
        return settings.fastInterval();
    }

    /** Polls every cluster that is due; completes when those polls are done (the caller need not wait). */
    public CompletableFuture<List<ClusterPoll>> tick() {
        List<ClusterTracker> current = synchronize();
        Set<String> busy = queries.clustersWithOperationsInFlight();
        long now = clock.millis();
        List<CompletableFuture<ClusterPoll>> started = new ArrayList<>();
        for (ClusterTracker tracker : current) {
            if (tracker.tryStart(now, busy.contains(tracker.cluster().id()), false)) {
                started.add(submit(tracker));
            }
        }
        return all(started);
    }

    /** Polls every cluster now, due or not (except one whose poll is still running). */
    public CompletableFuture<List<ClusterPoll>> pollAll() {
        List<ClusterTracker> current = synchronize();
        Set<String> busy = queries.clustersWithOperationsInFlight();
        long now = clock.millis();
        List<CompletableFuture<ClusterPoll>> started = new ArrayList<>();
        for (ClusterTracker tracker : current) {
            if (tracker.tryStart(now, busy.contains(tracker.cluster().id()), true)) {
                started.add(submit(tracker));
            }
        }
        return all(started);
    }

    /** Polls one cluster now (after it was registered or moved); empty when no such cluster exists. */
    public Optional<CompletableFuture<ClusterPoll>> pollNow(String clusterId) {
        synchronize();
        ClusterTracker tracker = trackers.get(clusterId);
        if (tracker == null) {
            return Optional.empty();
        }
        boolean busy = queries.clustersWithOperationsInFlight().contains(clusterId);
        if (tracker.tryStart(clock.millis(), busy, true)) {
            return Optional.of(submit(tracker));
        }
        // A poll runs already (the schedule's, or another caller's): its answer is the one to wait for.
        CompletableFuture<ClusterPoll> inFlight = running.get(clusterId);
        return Optional.of(inFlight != null ? inFlight : CompletableFuture.completedFuture(new ClusterPoll(clusterId,
                false, 0, tracker.health(), List.of(), Optional.of("already polling"))));
    }

    /** Every cluster as last seen: the embedded one first, then the registered ones by name. */
    public List<ClusterStatus> statuses() {
        return synchronize().stream().map(ClusterTracker::status).toList();
    }

    public Optional<ClusterStatus> status(String clusterId) {
        synchronize();
        return Optional.ofNullable(trackers.get(clusterId)).map(ClusterTracker::status);
    }

    /**
     * The trackers of the clusters registered now, created or updated from their stored definitions (one caller at
     * a time: a cluster registered meanwhile is never dropped by a caller that read the list before it).
     */
    private synchronized List<ClusterTracker> synchronize() {
        if (recordedHealth == null) {
            recordedHealth = healthRecords.latest();
        }
        List<ClusterDefinition> clusters = registry.all();
        Set<String> ids = new HashSet<>();
        List<ClusterTracker> current = new ArrayList<>(clusters.size());
        for (ClusterDefinition cluster : clusters) {
            ids.add(cluster.id());
            current.add(trackers.compute(cluster.id(), (id, tracker) -> {
                if (tracker == null) {
                    Optional<ClusterHealthChanged> recorded = Optional.ofNullable(recordedHealth.get(id));
                    return new ClusterTracker(cluster, settings,
                            recorded.map(ClusterHealthChanged::to).orElse(ClusterHealth.UNKNOWN),
                            recorded.map(ClusterHealthChanged::at), recorded.map(ClusterHealthChanged::reason));
                }
                if (!tracker.cluster().equals(cluster)) {
                    tracker.update(cluster);
                }
                return tracker;
            }));
        }
        trackers.keySet().retainAll(ids);
        return current;
    }

    private CompletableFuture<ClusterPoll> submit(ClusterTracker tracker) {
        String id = tracker.cluster().id();
        CompletableFuture<ClusterPoll> result = new CompletableFuture<>();
        running.put(id, result);
        try {
            pollers.execute(() -> {
                ClusterPoll answer;
                try {
                    answer = poll(tracker);
                } catch (RuntimeException e) {
                    // The metadata database, not the cluster: nothing was concluded about the cluster.
                    LOG.warn("Polling cluster '{}' failed: {}", tracker.cluster().name(), e.toString());
                    answer = new ClusterPoll(id, false, 0, tracker.health(), List.of(), Optional.of(e.toString()));
                } finally {
                    running.remove(id, result);
                    tracker.finish();
                }
                result.complete(answer);
            });
        } catch (RejectedExecutionException closed) {
            running.remove(id, result);
            tracker.finish();
            result.complete(new ClusterPoll(id, false, 0, tracker.health(), List.of(),
                    Optional.of("the watcher is closed")));
        }
        return result;
    }

    private ClusterPoll poll(ClusterTracker tracker) {
        ClusterDefinition cluster = tracker.cluster();
        Instant started = clock.instant();
        tracker.polledAt(started);
        ClusterProbe probe;
        List<FlinkJobSummary> listed;
        long begin = System.nanoTime();
        try {
            probe = registry.connection(cluster).probe();
        } catch (RuntimeException e) {
            return failed(tracker, cluster, 0, e.getMessage(), started);
        }
        try {
            listed = probe.jobs();
        } catch (RuntimeException e) {
            return failed(tracker, cluster, 1, message(e), started);
        }
        Duration responseTime = Duration.ofNanos(System.nanoTime() - begin);
        int requests = 1;
        Optional<ClusterResources> resources = tracker.resources();
        Optional<String> resourcesError = Optional.empty();
        String signature = signature(listed);
        if (tracker.needsResources(signature)) {
            requests++;
            try {
                resources = Optional.of(probe.resources());
                tracker.resourcesRead(resources.get(), signature, clock.instant());
            } catch (RuntimeException e) {
                resourcesError = Optional.of(message(e));
                tracker.resourcesUnreadable();
            }
        }
        List<ManagedJob> managed = jobs.onCluster(cluster.id());
        List<ClusterJob> clusterJobs = withOwners(tracker, listed, managed);
        Instant answeredAt = clock.instant();
        Assessment assessment = assess(resources, resourcesError, responseTime, settings.slowResponse());
        changeHealth(tracker, assessment.health(), assessment.reason(), managed, answeredAt);
        tracker.answered(answeredAt, responseTime, clusterJobs);
        List<ManagedJob> changed = reconcile(managed, listed);
        return new ClusterPoll(cluster.id(), true, requests, tracker.health(), changed, Optional.empty());
    }

    private ClusterPoll failed(ClusterTracker tracker, ClusterDefinition cluster, int requests, String error,
            Instant at) {
        int failures = tracker.failed(error, at);
        LOG.debug("Cluster '{}' did not answer ({} in a row): {}", cluster.name(), failures, error);
        List<ManagedJob> changed = List.of();
        if (failures >= settings.lostAfterFailedPolls()) {
            List<ManagedJob> managed = jobs.onCluster(cluster.id());
            if (tracker.health() != ClusterHealth.LOST) {
                LOG.warn("Cluster '{}' is LOST after {} failed polls: {}", cluster.name(), failures, error);
                changeHealth(tracker, ClusterHealth.LOST, failures + " polls in a row failed; the last: " + error,
                        managed, clock.instant());
            }
            String reason = "cluster '" + cluster.name() + "' is LOST: " + error;
            changed = managed.stream()
                    .filter(job -> WATCHED.contains(job.state()) && job.state() != JobState.LOST)
                    .flatMap(job -> reconciler.markLost(job, reason).stream())
                    .toList();
        }
        return new ClusterPoll(cluster.id(), false, requests, tracker.health(), changed, Optional.of(error));
    }

    /** Records a change of health (database first, then the event); a first answer (UNKNOWN to UP) is no event. */
    private void changeHealth(ClusterTracker tracker, ClusterHealth next, String reason, List<ManagedJob> managed,
            Instant at) {
        ClusterHealth previous = tracker.health();
        if (previous != next && !(previous == ClusterHealth.UNKNOWN && next == ClusterHealth.UP)) {
            ClusterDefinition cluster = tracker.cluster();
            int active = (int) managed.stream().filter(job -> job.state().active()).count();
            healthRecords.record(new ClusterHealthChanged(cluster.id(), cluster.name(), cluster.kind().label(),
                    previous, next, reason, active, at));
            if (next == ClusterHealth.UP) {
                LOG.info("Cluster '{}' is UP again (was {})", cluster.name(), previous);
            } else if (next == ClusterHealth.DEGRADED) {
                LOG.warn("Cluster '{}' is DEGRADED: {}", cluster.name(), reason);
            }
        }
        tracker.health(next, reason, at);
    }

    /** What a cluster that answered {@code /jobs/overview} is: DEGRADED for a reason, else UP. */
    static Assessment assess(Optional<ClusterResources> resources, Optional<String> resourcesError,
            Duration responseTime, Duration slowResponse) {
        if (resourcesError.isPresent()) {
            return new Assessment(ClusterHealth.DEGRADED,
                    "answers /jobs/overview but not /overview: " + resourcesError.get());
        }
        if (resources.isPresent() && resources.get().taskManagers() == 0) {
            return new Assessment(ClusterHealth.DEGRADED, "no TaskManager is registered (0 task slots)");
        }
        if (resources.isPresent() && resources.get().slotsTotal() == 0) {
            return new Assessment(ClusterHealth.DEGRADED,
                    resources.get().taskManagers() + " TaskManagers but no task slot");
        }
        if (responseTime.compareTo(slowResponse) > 0) {
            return new Assessment(ClusterHealth.DEGRADED, "answered /jobs/overview in " + responseTime.toMillis()
                    + " ms, slower than " + slowResponse.toMillis() + " ms");
        }
        return new Assessment(ClusterHealth.UP, "answers");
    }

    record Assessment(ClusterHealth health, String reason) {}

    private List<ClusterJob> withOwners(ClusterTracker tracker, List<FlinkJobSummary> listed,
            List<ManagedJob> managed) {
        Map<String, ManagedJobRef> current = new HashMap<>();
        for (ManagedJob job : managed) {
            job.flinkJobId().ifPresent(id -> current.put(id, new ManagedJobRef(job.id(), job.name())));
        }
        Set<String> listedIds = new HashSet<>();
        listed.forEach(job -> listedIds.add(job.flinkJobId()));
        Map<String, Optional<ManagedJobRef>> known = tracker.owners(listedIds);
        List<String> unknown = listedIds.stream()
                .filter(id -> !current.containsKey(id) && !known.containsKey(id))
                .toList();
        if (!unknown.isEmpty()) {
            Map<String, ManagedJobRef> found = queries.ownersOf(unknown);
            unknown.forEach(id -> known.put(id, Optional.ofNullable(found.get(id))));
        }
        return listed.stream()
                .map(job -> new ClusterJob(job, Optional.ofNullable(current.get(job.flinkJobId()))
                        .or(() -> known.getOrDefault(job.flinkJobId(), Optional.empty()))))
                .sorted(Comparator.comparing((ClusterJob job) -> job.flink().startTime()).reversed()
                        .thenComparing(job -> job.flink().flinkJobId()))
                .toList();
    }

    private List<ManagedJob> reconcile(List<ManagedJob> managed, List<FlinkJobSummary> listed) {
        Map<String, FlinkJobSummary> byId = new HashMap<>();
        listed.forEach(job -> byId.put(job.flinkJobId(), job));
        List<ManagedJob> changed = new ArrayList<>();
        for (ManagedJob job : managed) {
            if (!WATCHED.contains(job.state()) || job.flinkJobId().isEmpty()) {
                continue;
            }
            String flinkJobId = job.flinkJobId().get();
            FlinkJobSummary seen = byId.get(flinkJobId);
            Optional<JobStatus> status = seen == null ? Optional.empty() : seen.status();
            if (seen != null && status.isEmpty()) {
                continue; // a state this Flink version names and ours does not: nothing to conclude
            }
            try {
                reconciler.reconcile(job, new ObservedJob(flinkJobId, status)).ifPresent(changed::add);
            } catch (RuntimeException e) {
                LOG.warn("Reconciling job '{}' failed: {}", job.name(), e.toString());
            }
        }
        return changed;
    }

    /** The jobs' states in a few characters, e.g. {@code CANCELED=1,RUNNING=12}: /overview is read when it changes. */
    private static String signature(List<FlinkJobSummary> listed) {
        Map<String, Integer> byState = new TreeMap<>();
        listed.forEach(job -> byState.merge(job.state(), 1, Integer::sum));
        return byState.toString();
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static CompletableFuture<List<ClusterPoll>> all(List<CompletableFuture<ClusterPoll>> polls) {
        return CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new))
                .thenApply(done -> polls.stream().map(CompletableFuture::join).toList());
    }

    @Override
    public void close() {
        pollers.shutdownNow();
        try {
            if (!pollers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Cluster polls still running after 10 s; leaving them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
