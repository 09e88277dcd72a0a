package io.tributary.server.job;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.cluster.ClusterDefinition;
import io.tributary.cluster.ClusterHealthRepository;
import io.tributary.cluster.ClusterJob;
import io.tributary.cluster.ClusterRegistry;
import io.tributary.cluster.ClusterStatus;
import io.tributary.cluster.ClusterWatcher;
import io.tributary.cluster.InvalidClusterException;
import io.tributary.cluster.JobCounts;
import io.tributary.event.ClusterHealthChanged;
import io.tributary.server.api.Actor;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clusters jobs run on — the embedded one and registered session clusters — as the cluster watcher sees
 * them: health, job counts, resources, and every job they list, managed or not.
 */
@RestController
@RequestMapping("/api/v1/clusters")
class ClustersController {

    /** How long a registration or a move waits for the cluster's first poll, so that its answer shows counts. */
    private static final Duration FIRST_POLL_WAIT = Duration.ofSeconds(3);

    private final ClusterRegistry clusters;
    private final ClusterWatcher watcher;
    private final ClusterHealthRepository healthRecords;

    ClustersController(ClusterRegistry clusters, ClusterWatcher watcher, ClusterHealthRepository healthRecords) {
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.healthRecords = requireNonNull(healthRecords, "healthRecords is null");
    }

    /** {@code POST} body: {@code kind} is {@code standalone} (with {@code restAddress}), later also YARN/Kubernetes. */
    record Register(String name, String kind, String restAddress, Map<String, String> settings) {}

    /** {@code PATCH} body: the fields to change; absent ones stay. */
    record Edit(String name, String kind, String restAddress, Map<String, String> settings) {}

    record ClusterView(
            String id,
            String name,
            String kind,
            String restAddress,
            Map<String, String> settings,
            String health,
            Instant healthSince,
            String healthReason,
            String lastError,
            Instant lastErrorAt,
            int consecutiveFailedPolls,
            Instant lastPolledAt,
            Instant lastAnsweredAt,
            Long responseTimeMillis,
            long pollIntervalMillis,
            int allJobs,
            int runningJobs,
            int finishedJobs,
            int failedJobs,
            int canceledJobs,
            int managedJobs,
            int unmanagedJobs,
            Integer taskManagers,
            Integer slotsTotal,
            Integer slotsFree,
            String flinkVersion,
            Instant resourcesAt,
            String createdBy,
            Instant createdAt) {

        static ClusterView of(ClusterStatus status) {
            ClusterDefinition cluster = status.cluster();
            JobCounts counts = status.jobCounts();
            return new ClusterView(cluster.id(), cluster.name(), cluster.kind().label(),
                    cluster.restAddress().map(Object::toString).orElse(null), cluster.settings(),
                    status.health().name(),
                    status.healthSince().orElse(null), status.healthReason().orElse(null),
                    status.lastError().orElse(null), status.lastErrorAt().orElse(null),
                    status.consecutiveFailedPolls(), status.lastPolledAt().orElse(null),
                    status.lastAnsweredAt().orElse(null),
                    status.lastResponseTime().map(Duration::toMillis).orElse(null), status.pollInterval().toMillis(),
                    counts.all(), counts.running(), counts.finished(), counts.failed(), counts.canceled(),
                    counts.managed(), counts.unmanaged(),
                    status.resources().map(r -> r.taskManagers()).orElse(null),
                    status.resources().map(r -> r.slotsTotal()).orElse(null),
                    status.resources().map(r -> r.slotsFree()).orElse(null),
                    status.resources().map(r -> r.flinkVersion()).orElse(null), status.resourcesAt().orElse(null),
                    cluster.createdBy(), cluster.createdAt());
        }
    }

    record ClusterJobView(
            String flinkJobId,
            String name,
            String state,
            Instant startTime,
            Instant endTime,
            long durationMillis,
            boolean managed,
            String managedJobId,
            String managedJobName,
            String flinkWebUi) {

        static ClusterJobView of(ClusterJob job, String restAddress) {
            return new ClusterJobView(job.flink().flinkJobId(), job.flink().name(), job.flink().state(),
                    job.flink().startTime(), job.flink().endTime().orElse(null), job.flink().duration().toMillis(),
                    job.managed().isPresent(), job.managed().map(ClusterJob.ManagedJobRef::id).orElse(null),
                    job.managed().map(ClusterJob.ManagedJobRef::name).orElse(null),
                    restAddress == null ? null : restAddress + "/#/job/"
                            + (job.flink().runningOrPending() ? "running/" : "completed/") + job.flink().flinkJobId()
                            + "/overview");
        }
    }

    record HealthChangeView(String from, String to, String reason, int activeJobs, Instant at) {
        static HealthChangeView of(ClusterHealthChanged change) {
            return new HealthChangeView(change.from().name(), change.to().name(), change.reason(),
                    change.activeJobs(), change.at());
        }
    }

    @PostMapping
    @Operation(summary = "Register a cluster (kind standalone, with restAddress); it must answer")
    ResponseEntity<ClusterView> register(@RequestBody Register body, HttpServletRequest request) {
        ClusterDefinition cluster = clusters.register(body.name(), body.kind(), body.restAddress(), body.settings(),
                Actor.of(request));
        awaitFirstPoll(cluster.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(cluster.id()));
    }

    @GetMapping
    @Operation(summary = "Every cluster with its health, job counts and resources (the embedded one first)")
    List<ClusterView> list() {
        return watcher.statuses().stream().map(ClusterView::of).toList();
    }

    @GetMapping("/{id}")
    ClusterView get(@PathVariable String id) {
        return view(id);
    }

    @GetMapping("/{id}/jobs")
    @Operation(summary = "Every job the cluster listed in its last answer, managed or not; filters: state, managed")
    List<ClusterJobView> jobs(@PathVariable String id, @RequestParam(required = false) String state,
            @RequestParam(required = false) Boolean managed) {
        ClusterStatus status = status(id);
        Set<String> states = state == null || state.isBlank() ? Set.of()
                : Arrays.stream(state.split(",")).map(s -> s.strip().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        String restAddress = status.cluster().restAddress().map(Object::toString).orElse(null);
        return status.jobs().stream()
                .filter(job -> states.isEmpty() || states.contains(job.flink().state()))
                .filter(job -> managed == null || job.managed().isPresent() == managed)
                .map(job -> ClusterJobView.of(job, restAddress))
                .toList();
    }

    @GetMapping("/{id}/health-events")
    @Operation(summary = "The cluster's recorded changes of health, newest first")
    List<HealthChangeView> healthEvents(@PathVariable String id,
            @RequestParam(defaultValue = "20") int limit) {
        status(id);
        if (limit < 1 || limit > 500) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and 500, was " + limit);
        }
        return healthRecords.history(id, limit).stream().map(HealthChangeView::of).toList();
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a cluster or move it to another restAddress (checked: it must answer there)")
    ClusterView edit(@PathVariable String id, @RequestBody Edit body) {
        ClusterDefinition current = clusters.find(id).orElseThrow(() -> notFound(id));
        if (body.kind() != null && !body.kind().strip().equalsIgnoreCase(current.kind().label())) {
            throw new InvalidClusterException("kind", "a cluster's kind cannot be changed (it is "
                    + current.kind().label() + "); register a new cluster instead");
        }
        ClusterDefinition edited = clusters.edit(id, body.name(), body.restAddress(), body.settings())
                .orElseThrow(() -> notFound(id));
        if (!edited.location().equals(current.location())) {
            awaitFirstPoll(id);
        }
        return view(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        if (!clusters.remove(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private ClusterView view(String id) {
        return ClusterView.of(status(id));
    }

    private ClusterStatus status(String id) {
        return watcher.status(id).orElseThrow(() -> notFound(id));
    }

    private void awaitFirstPoll(String id) {
        watcher.pollNow(id).ifPresent(poll -> await(poll));
    }

    private static void await(CompletableFuture<?> poll) {
        try {
            poll.get(FIRST_POLL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException slowOrFailed) {
            // The answer shows what is known; the watcher carries on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TributaryException notFound(String id) {
        return new TributaryException(ErrorCode.NOT_FOUND, "no cluster with id '" + id + "'");
    }
}
