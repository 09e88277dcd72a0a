package io.tributary.alert;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something that happened to a job or a cluster and may raise an alert: what the watcher, the job lifecycle and
 * the cluster health checks hand to {@link AlertPipeline#accept}.
 *
 * @param type what happened
 * @param jobId the managed job (job events)
 * @param jobName its name when the event happened
 * @param clusterId the cluster (of the job, or the cluster that is lost or recovered)
 * @param clusterName its name, when the publisher knows it (the pipeline looks it up otherwise)
 * @param reason why, in words: Flink's root cause, the error of a poll
 * @param flinkJobId the Flink job, when there is one
 * @param occurredAt when it happened
 * @param count for counted events: consecutive failed checkpoints; restarts in the rule's window when the
 *     publisher counted them itself (the pipeline counts recorded restarts otherwise)
 * @param links links the publisher wants in the message (name to URL); the pipeline adds the job in Tributary and
 *     in Flink's web UI
 */
public record AlertEvent(
        AlertEventType type,
        Optional<String> jobId,
        Optional<String> jobName,
        Optional<String> clusterId,
        Optional<String> clusterName,
        String reason,
        Optional<String> flinkJobId,
        Instant occurredAt,
        OptionalInt count,
        Map<String, String> links) {

    public AlertEvent {
        requireNonNull(type, "type is null");
        requireNonNull(jobId, "jobId is null");
        requireNonNull(jobName, "jobName is null");
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(count, "count is null");
        links = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(links, "links is null")));
        if (type.jobEvent() && jobId.isEmpty()) {
            throw new IllegalArgumentException(type + " concerns a job: jobId is required");
        }
        if (!type.jobEvent() && clusterId.isEmpty()) {
            throw new IllegalArgumentException(type + " concerns a cluster: clusterId is required");
        }
    }

    /** An event of one job. */
    public static AlertEvent ofJob(AlertEventType type, String jobId, String jobName, String clusterId,
            Optional<String> flinkJobId, String reason, Instant occurredAt) {
        return new AlertEvent(type, Optional.of(jobId), Optional.of(jobName), Optional.of(clusterId),
                Optional.empty(), reason, flinkJobId, occurredAt, OptionalInt.empty(), Map.of());
    }

    /** An event of one cluster (lost, recovered). */
    public static AlertEvent ofCluster(AlertEventType type, String clusterId, String clusterName, String reason,
            Instant occurredAt) {
        return new AlertEvent(type, Optional.empty(), Optional.empty(), Optional.of(clusterId),
                Optional.ofNullable(clusterName), reason, Optional.empty(), occurredAt, OptionalInt.empty(),
                Map.of());
    }

    public AlertEvent withCount(int value) {
        return new AlertEvent(type, jobId, jobName, clusterId, clusterName, reason, flinkJobId, occurredAt,
                OptionalInt.of(value), links);
    }

    public AlertEvent withClusterName(String name) {
        return new AlertEvent(type, jobId, jobName, clusterId, Optional.of(name), reason, flinkJobId, occurredAt,
                count, links);
    }

    public AlertEvent withLinks(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(links);
        all.putAll(more);
        return new AlertEvent(type, jobId, jobName, clusterId, clusterName, reason, flinkJobId, occurredAt, count,
                all);
    }
}
