package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterProbe;
import io.tributary.cluster.ClusterProbeException;
import io.tributary.cluster.ClusterResources;
import io.tributary.cluster.FlinkJobSummary;
import io.tributary.cluster.FlinkRestProbe;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.kubernetes.shaded.io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * How the watcher asks a Kubernetes application place: one request to the API server lists the Deployments of
 * every job's cluster; then each cluster's REST service is asked for its jobs (application mode has one cluster per
 * job, so one request per job is the floor). A cluster whose JobManager is not ready yet reports its job as
 * INITIALIZING; a job whose Deployment is gone is not listed, so the watcher marks it LOST. A cluster whose job
 * ended is deleted once the watcher has recorded the end.
 */
final class KubernetesApplicationProbe implements ClusterProbe {

    private final KubernetesApplicationTarget target;
    private final KubernetesEnvironment environment;
    private final HttpClient http;
    private final Duration timeout;
    /** The application clusters whose jobs had all ended at the previous poll. */
    private final Set<String> endedOnce = ConcurrentHashMap.newKeySet();

    KubernetesApplicationProbe(KubernetesApplicationTarget target, KubernetesEnvironment environment,
            HttpClient http, Duration timeout) {
        this.target = requireNonNull(target, "target is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.http = requireNonNull(http, "http is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public List<FlinkJobSummary> jobs() {
        List<FlinkJobSummary> jobs = new ArrayList<>();
        for (Deployment deployment : clusters()) {
            String flinkJobId = KubernetesApplicationTarget.podLabels(deployment)
                    .get(KubernetesApplicationTarget.FLINK_JOB_LABEL);
            if (flinkJobId == null) {
                continue;
            }
            try {
                List<FlinkJobSummary> listed = rest(flinkJobId).jobs();
                jobs.addAll(listed);
                collectIfEnded(flinkJobId, listed);
            } catch (RuntimeException e) {
                if (!KubernetesEnvironment.ready(deployment)) {
                    Instant created = Optional.ofNullable(deployment.getMetadata().getCreationTimestamp())
                            .map(Instant::parse).orElse(Instant.EPOCH);
                    jobs.add(new FlinkJobSummary(flinkJobId, deployment.getMetadata().getName(), "INITIALIZING",
                            created, Optional.empty(), Duration.ZERO));
                }
                // a ready JobManager that does not answer: its job is not listed, and the watcher says so
            }
        }
        return jobs;
    }

    /**
     * A cluster whose jobs all ended is deleted on the poll after the one that first saw it so: in between, the
     * watcher recorded the job's final state (and read its root cause or savepoint from the JobManager).
     */
    private void collectIfEnded(String flinkJobId, List<FlinkJobSummary> listed) {
        boolean ended = !listed.isEmpty() && listed.stream().allMatch(job -> job.status()
                .map(JobStatus::isGloballyTerminalState).orElse(false));
        if (!ended) {
            endedOnce.remove(flinkJobId);
        } else if (!endedOnce.add(flinkJobId)) {
            endedOnce.remove(flinkJobId);
            target.deleteClusterAfterItsJob(flinkJobId);
        }
    }

    @Override
    public ClusterResources resources() {
        int taskManagers = 0;
        int slots = 0;
        int available = 0;
        String version = "";
        for (Deployment deployment : clusters()) {
            String flinkJobId = KubernetesApplicationTarget.podLabels(deployment)
                    .get(KubernetesApplicationTarget.FLINK_JOB_LABEL);
            if (flinkJobId == null || !KubernetesEnvironment.ready(deployment)) {
                continue;
            }
            ClusterResources one = rest(flinkJobId).resources();
            taskManagers += one.taskManagers();
            slots += one.slotsTotal();
            available += one.slotsFree();
            version = one.flinkVersion();
        }
        return new ClusterResources(taskManagers, slots, available, version);
    }

    private List<Deployment> clusters() {
        try {
            return target.applicationClusters();
        } catch (RuntimeException e) {
            throw new ClusterProbeException("Kubernetes API server " + environment.apiServer() + ": "
                    + e.getMessage());
        }
    }

    private FlinkRestProbe rest(String flinkJobId) {
        return new FlinkRestProbe(target.restAddress(flinkJobId), http, timeout);
    }
}
