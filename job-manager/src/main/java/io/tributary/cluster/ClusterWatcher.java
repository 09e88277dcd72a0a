package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.ObservedJob;
import io.tributary.job.lifecycle.JobReconciler;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the clusters that run managed jobs at the cost of one request per cluster per poll (Flink's
 * {@code /jobs/overview}), never one per job, and lets the reconciler correct every job from that one answer.
 */
public final class ClusterWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);
    private static final EnumSet<JobState> WATCHED = EnumSet.of(JobState.RUNNING, JobState.RESTARTING, JobState.LOST);

    private final ManagedJobRepository jobs;
    private final ClusterRegistry clusters;
    private final JobReconciler reconciler;

    public ClusterWatcher(ManagedJobRepository jobs, ClusterRegistry clusters, JobReconciler reconciler) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.reconciler = requireNonNull(reconciler, "reconciler is null");
    }

    /** One poll of every cluster that has watched jobs; returns the jobs whose state changed. */
    public List<ManagedJob> poll() {
        Map<String, List<ManagedJob>> byCluster = jobs.inStates(WATCHED).stream()
                .filter(job -> job.flinkJobId().isPresent())
                .collect(Collectors.groupingBy(ManagedJob::clusterId));
        return byCluster.entrySet().stream()
                .flatMap(entry -> pollCluster(entry.getKey(), entry.getValue()).stream())
                .toList();
    }

    private List<ManagedJob> pollCluster(String clusterId, List<ManagedJob> clusterJobs) {
        Optional<DeploymentTarget> target = clusters.target(clusterId);
        if (target.isEmpty()) {
            return clusterJobs.stream()
                    .flatMap(job -> reconciler.markLost(job, "cluster '" + clusterId + "' is not registered").stream())
                    .toList();
        }
        Map<String, JobStatus> statuses;
        try {
            statuses = overview(target.get().diagnostics().jobsOverview());
        } catch (RuntimeException unreachable) {
            LOG.debug("Cluster {} did not answer: {}", clusterId, unreachable.getMessage());
            String reason = "cluster " + clusterId + " does not answer: " + unreachable.getMessage();
            return clusterJobs.stream().flatMap(job -> reconciler.markLost(job, reason).stream()).toList();
        }
        return clusterJobs.stream()
                .flatMap(job -> {
                    String id = job.flinkJobId().orElseThrow();
                    ObservedJob observed = new ObservedJob(id, Optional.ofNullable(statuses.get(id)));
                    return reconciler.reconcile(job, observed).stream();
                })
                .toList();
    }

    private static Map<String, JobStatus> overview(JsonNode overview) {
        Map<String, JobStatus> statuses = new HashMap<>();
        for (JsonNode job : overview.path("jobs")) {
            try {
                statuses.put(job.path("jid").asText(), JobStatus.valueOf(job.path("state").asText()));
            } catch (IllegalArgumentException unknownState) {
                LOG.debug("Unknown Flink job state {}", job.path("state").asText());
            }
        }
        return statuses;
    }
}
