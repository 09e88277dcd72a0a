package io.tributary.cluster.yarn;

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
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/**
 * Asks a YARN environment with a cluster per job: one ResourceManager request lists every application of this
 * cluster's jobs (by the cluster's tag); the JobManager of each running one is asked for its job's state
 * ({@code /jobs/overview}, which tells RESTARTING from RUNNING); an ended application's job state is its YARN final
 * status. Resources are YARN's: running NodeManagers and their vcores.
 */
final class YarnJobClusterProbe implements ClusterProbe {

    private final String clusterId;
    private final YarnEnvironment environment;
    private final HttpClient http;
    private final Duration timeout;

    YarnJobClusterProbe(String clusterId, YarnEnvironment environment, HttpClient http, Duration timeout) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.http = requireNonNull(http, "http is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public List<FlinkJobSummary> jobs() {
        List<ApplicationReport> applications;
        try {
            applications = environment.applicationsTagged(YarnJobClusterTarget.clusterTag(clusterId));
        } catch (Exception e) {
            throw new ClusterProbeException("the YARN ResourceManager " + environment.resourceManager()
                    + " does not answer: " + YarnEnvironment.rootMessage(e));
        }
        List<FlinkJobSummary> jobs = new ArrayList<>(applications.size());
        for (ApplicationReport application : applications) {
            Optional<String> flinkJobId = application.getApplicationTags().stream()
                    .filter(tag -> tag.startsWith(YarnJobClusterTarget.JOB_TAG_PREFIX))
                    .map(tag -> tag.substring(YarnJobClusterTarget.JOB_TAG_PREFIX.length()))
                    .findFirst();
            flinkJobId.ifPresent(id -> jobs.add(summary(id, application)));
        }
        return jobs;
    }

    private FlinkJobSummary summary(String flinkJobId, ApplicationReport application) {
        Instant started = Instant.ofEpochMilli(application.getStartTime());
        YarnApplicationState state = application.getYarnApplicationState();
        if (state == YarnApplicationState.RUNNING) {
            try {
                Optional<FlinkJobSummary> listed = new FlinkRestProbe(YarnEnvironment.jobManagerAddress(application),
                        http, timeout).jobs().stream().filter(job -> job.flinkJobId().equals(flinkJobId)).findFirst();
                if (listed.isPresent()) {
                    return listed.get();
                }
            } catch (ClusterProbeException e) {
                // the JobManager is starting or stopping: YARN says the application runs
            }
            return new FlinkJobSummary(flinkJobId, application.getName(), JobStatus.INITIALIZING.name(), started,
                    Optional.empty(), Duration.ZERO);
        }
        if (state != YarnApplicationState.FINISHED && state != YarnApplicationState.FAILED
                && state != YarnApplicationState.KILLED) {
            return new FlinkJobSummary(flinkJobId, application.getName(), JobStatus.INITIALIZING.name(), started,
                    Optional.empty(), Duration.ZERO);
        }
        Instant ended = Instant.ofEpochMilli(Math.max(application.getFinishTime(), application.getStartTime()));
        return new FlinkJobSummary(flinkJobId, application.getName(),
                YarnJobClusterTarget.endedStatus(application).name(), started, Optional.of(ended),
                Duration.between(started, ended));
    }

    @Override
    public ClusterResources resources() {
        List<NodeReport> nodes;
        try {
            nodes = environment.runningNodes();
        } catch (Exception e) {
            throw new ClusterProbeException("the YARN ResourceManager " + environment.resourceManager()
                    + " does not answer: " + YarnEnvironment.rootMessage(e));
        }
        int vcores = 0;
        int used = 0;
        for (NodeReport node : nodes) {
            vcores += node.getCapability().getVirtualCores();
            used += node.getUsed() == null ? 0 : node.getUsed().getVirtualCores();
        }
        return new ClusterResources(nodes.size(), vcores, Math.max(0, vcores - used),
                EnvironmentInformation.getVersion());
    }
}
