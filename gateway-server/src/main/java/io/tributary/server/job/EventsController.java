package io.tributary.server.job;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.event.ClusterHealthChanged;
import io.tributary.event.EventType;
import io.tributary.event.JobStateChanged;
import io.tributary.event.RecentEvents;
import io.tributary.event.WatchEvent;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The latest job and cluster events, newest first, from memory (since the server started, at most
 * {@code tributary.clusters.recent-events}): what alerting receives, for people to look at.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventsController {

    private final RecentEvents events;

    EventsController(RecentEvents events) {
        this.events = requireNonNull(events, "events is null");
    }

    /** One event; the job fields are set for job events, the cluster fields for cluster events. */
    record EventView(
            String type,
            Instant at,
            String summary,
            String clusterId,
            String clusterName,
            String jobId,
            String jobName,
            String flinkJobId,
            String from,
            String to,
            String actor,
            String reason,
            String lastError,
            Integer activeJobs) {

        static EventView of(WatchEvent event) {
            if (event instanceof JobStateChanged job) {
                return new EventView(job.type().name(), job.at(), job.summary(), job.clusterId(), null,
                        job.job().id(), job.job().name(), job.job().flinkJobId().orElse(null), job.from().name(),
                        job.to().name(), job.actor(), job.reason(), job.job().lastError().orElse(null), null);
            }
            ClusterHealthChanged cluster = (ClusterHealthChanged) event;
            return new EventView(cluster.type().name(), cluster.at(), cluster.summary(), cluster.clusterId(),
                    cluster.clusterName(), null, null, null, cluster.from().name(), cluster.to().name(), "tributary",
                    cluster.reason(), null, cluster.activeJobs());
        }
    }

    @GetMapping
    @Operation(summary = "The latest events, newest first; filters: type (comma-separated), cluster, job")
    List<EventView> latest(@RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String cluster,
            @RequestParam(required = false) String job) {
        if (limit < 1 || limit > 1000) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and 1000, was " + limit);
        }
        Predicate<WatchEvent> filter = event -> true;
        if (type != null && !type.isBlank()) {
            Set<EventType> types = Arrays.stream(type.split(",")).map(EventsController::eventType)
                    .collect(Collectors.toSet());
            filter = filter.and(event -> types.contains(event.type()));
        }
        if (cluster != null && !cluster.isBlank()) {
            filter = filter.and(event -> event.clusterId().equals(cluster.strip()));
        }
        if (job != null && !job.isBlank()) {
            filter = filter.and(event -> event instanceof JobStateChanged changed
                    && changed.job().id().equals(job.strip()));
        }
        return events.latest(limit, filter).stream().map(EventView::of).toList();
    }

    private static EventType eventType(String name) {
        try {
            return EventType.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "unknown event type '" + name.strip()
                    + "'; known types: " + Arrays.toString(EventType.values()));
        }
    }
}
