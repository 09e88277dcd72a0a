package io.tributary.alert;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A raised alert as stored: the event that matched, the severity of its rules, and the links it carries. */
public record Alert(
        String id,
        AlertEventType event,
        AlertSeverity severity,
        List<String> ruleIds,
        Optional<String> jobId,
        Optional<String> jobName,
        Optional<String> clusterId,
        Optional<String> clusterName,
        Optional<String> flinkJobId,
        String reason,
        OptionalInt count,
        Map<String, String> links,
        Instant occurredAt,
        Instant createdAt) {

    public Alert {
        requireNonNull(id, "id is null");
        requireNonNull(event, "event is null");
        requireNonNull(severity, "severity is null");
        ruleIds = List.copyOf(ruleIds);
        requireNonNull(jobId, "jobId is null");
        requireNonNull(jobName, "jobName is null");
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(clusterName, "clusterName is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(count, "count is null");
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        requireNonNull(occurredAt, "occurredAt is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** What happened, in a few words: {@code job 'orders' failed}, {@code cluster 'yarn-a' is lost}. */
    public String headline() {
        String subject = event.jobEvent()
                ? "job '" + jobName.or(() -> jobId).orElse("?") + "'"
                : "cluster '" + clusterName.or(() -> clusterId).orElse("?") + "'";
        String counted = count.isPresent() && event == AlertEventType.CHECKPOINTS_FAILING
                ? " (" + count.getAsInt() + " in a row)"
                : count.isPresent() && event == AlertEventType.JOB_RESTARTING_TOO_OFTEN
                        ? " (" + count.getAsInt() + " restarts)" : "";
        return subject + " " + event.verb() + counted;
    }

    /** The name of the cluster as a reader knows it. */
    public Optional<String> clusterLabel() {
        return clusterName.or(() -> clusterId);
    }
}
