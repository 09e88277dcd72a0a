package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterKind;
import io.tributary.job.JobVersion;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.FlinkRestDiagnostics;
import io.tributary.job.deploy.ObservedJob;
import io.tributary.job.deploy.RestSessionCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.runtime.jobgraph.SavepointConfigOptions;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * A YARN environment where every job gets a Flink cluster of its own, as one YARN application (per-job or
 * application mode; {@link YarnJobLauncher} is the difference). Each application carries the tags
 * {@code tributary-cluster-<cluster id>} and {@code tributary-flink-job-<Flink job id>}, so a job's application is
 * found again from its Flink job id alone — after a restart of Tributary too, with nothing more stored. The job is
 * operated through its application's JobManager (Flink's REST client); once the application has ended, YARN's
 * final status tells how the job ended.
 */
public final class YarnJobClusterTarget implements DeploymentTarget {

    private static final EnumSet<YarnApplicationState> STARTING = EnumSet.of(YarnApplicationState.NEW,
            YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED, YarnApplicationState.ACCEPTED);

    private final String clusterId;
    private final ClusterKind kind;
    private final YarnEnvironment environment;
    private final YarnJobLauncher launcher;
    private final HttpClient http;
    private final Map<String, ApplicationId> applications = new ConcurrentHashMap<>();

    public YarnJobClusterTarget(String clusterId, ClusterKind kind, YarnEnvironment environment,
            YarnJobLauncher launcher, HttpClient http) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.kind = requireNonNull(kind, "kind is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.http = requireNonNull(http, "http is null");
    }

    /** The tag every application of this cluster's jobs carries. */
    static String clusterTag(String clusterId) {
        return "tributary-cluster-" + clusterId;
    }

    /** The tag of the application of one Flink job. */
    static String jobTag(String flinkJobId) {
        return JOB_TAG_PREFIX + flinkJobId;
    }

    static final String JOB_TAG_PREFIX = "tributary-flink-job-";

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public String kind() {
        return kind.label();
    }

    /** The ResourceManager's web UI: the environment has no JobManager of its own. */
    @Override
    public URI webUi() {
        return environment.resourceManagerWebUi();
    }

    @Override
    public URI webUi(String flinkJobId) {
        try {
            Optional<ApplicationReport> report = report(flinkJobId);
            if (report.isPresent() && report.get().getYarnApplicationState() == YarnApplicationState.RUNNING) {
                return YarnEnvironment.jobManagerAddress(report.get());
            }
            return report.map(found -> environment.resourceManagerWebUi()
                    .resolve("/cluster/app/" + found.getApplicationId())).orElseGet(this::webUi);
        } catch (ClusterUnavailableException e) {
            return webUi();
        }
    }

    @Override
    public void checkReachable() {
        try {
            environment.client().getYarnClusterMetrics();
        } catch (IOException | YarnException | RuntimeException e) {
            throw new ClusterUnavailableException(clusterId, "the YARN ResourceManager "
                    + environment.resourceManager(), e);
        }
    }

    @Override
    public String submit(JobVersion version, String jobName, String flinkJobId, Optional<String> restoreFrom) {
        Configuration configuration = environment.flinkConfiguration();
        configuration.set(YarnConfigOptions.APPLICATION_NAME, jobName);
        configuration.set(YarnConfigOptions.APPLICATION_TAGS,
                "tributary," + clusterTag(clusterId) + "," + jobTag(flinkJobId));
        configuration.set(PipelineOptions.NAME, jobName);
        configuration.set(PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID, flinkJobId);
        restoreFrom.ifPresent(path -> configuration.set(SavepointConfigOptions.SAVEPOINT_PATH, path));
        ApplicationId application = launcher.launch(environment, configuration, version, jobName, flinkJobId,
                jobTag(flinkJobId));
        applications.put(flinkJobId, application);
        return flinkJobId;
    }

    @Override
    public ObservedJob observe(String flinkJobId) {
        Optional<ApplicationReport> report = report(flinkJobId);
        if (report.isEmpty()) {
            return ObservedJob.unknown(flinkJobId);
        }
        ApplicationReport application = report.get();
        if (STARTING.contains(application.getYarnApplicationState())) {
            return new ObservedJob(flinkJobId, Optional.of(JobStatus.INITIALIZING));
        }
        if (application.getYarnApplicationState() != YarnApplicationState.RUNNING) {
            return new ObservedJob(flinkJobId, Optional.of(endedStatus(application)));
        }
        try (RestSessionCluster jobManager = jobManager(application)) {
            ObservedJob observed = jobManager.observe(flinkJobId);
            // Running, but the runner has not submitted the job yet.
            return observed.status().isPresent() ? observed
                    : new ObservedJob(flinkJobId, Optional.of(JobStatus.INITIALIZING));
        }
    }

    /** How a job ended, from its application's end: FINISHED (a stop with savepoint too), CANCELED or FAILED. */
    static JobStatus endedStatus(ApplicationReport application) {
        if (application.getYarnApplicationState() != YarnApplicationState.FINISHED) {
            return JobStatus.FAILED; // FAILED, or KILLED from outside
        }
        return switch (application.getFinalApplicationStatus()) {
            case SUCCEEDED -> JobStatus.FINISHED;
            case KILLED -> JobStatus.CANCELED;
            default -> JobStatus.FAILED;
        };
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String flinkJobId, String directory) {
        RestSessionCluster jobManager = jobManager(running(flinkJobId));
        return jobManager.stopWithSavepoint(flinkJobId, directory).whenComplete((path, failure) -> jobManager.close());
    }

    @Override
    public void cancel(String flinkJobId, Duration timeout) {
        Optional<ApplicationReport> report = report(flinkJobId);
        if (report.isEmpty() || isEnded(report.get())) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (report.get().getYarnApplicationState() == YarnApplicationState.RUNNING) {
            try (RestSessionCluster jobManager = jobManager(report.get())) {
                jobManager.cancel(flinkJobId, timeout);
                return;
            } catch (ClusterUnavailableException e) {
                // The JobManager shuts its application down once the job is canceled: YARN tells the end.
            }
        } else {
            kill(report.get().getApplicationId());
        }
        while (System.nanoTime() < deadline) {
            Optional<ApplicationReport> now = report(flinkJobId);
            if (now.isEmpty() || isEnded(now.get())) {
                return;
            }
            sleep();
        }
        throw new ClusterUnavailableException(clusterId, "YARN application " + report.get().getApplicationId(),
                new IllegalStateException("job " + flinkJobId + " was not canceled within " + timeout));
    }

    @Override
    public Optional<String> latestRetainedCheckpoint(String flinkJobId) {
        Optional<ApplicationReport> report = report(flinkJobId);
        if (report.isEmpty() || report.get().getYarnApplicationState() != YarnApplicationState.RUNNING) {
            return Optional.empty();
        }
        try (RestSessionCluster jobManager = jobManager(report.get())) {
            return jobManager.latestRetainedCheckpoint(flinkJobId);
        }
    }

    /**
     * Not for a cluster per job: there is no JobManager of the environment. Use {@link #diagnostics(String)}.
     */
    @Override
    public FlinkRestDiagnostics diagnostics() {
        throw new IllegalStateException(kind.label() + " clusters have one JobManager per job: ask a job's");
    }

    @Override
    public FlinkRestDiagnostics diagnostics(String flinkJobId) {
        return new FlinkRestDiagnostics(YarnEnvironment.jobManagerAddress(running(flinkJobId)), http);
    }

    /** The report of the job's application, found by its tag when not known yet. */
    Optional<ApplicationReport> report(String flinkJobId) {
        try {
            ApplicationId known = applications.get(flinkJobId);
            if (known != null) {
                Optional<ApplicationReport> report = environment.report(known);
                if (report.isPresent()) {
                    return report;
                }
            }
            Optional<ApplicationReport> found = environment.applicationsTagged(jobTag(flinkJobId)).stream()
                    .max(Comparator.comparingLong(ApplicationReport::getStartTime));
            found.ifPresent(report -> applications.put(flinkJobId, report.getApplicationId()));
            return found;
        } catch (IOException | YarnException | RuntimeException e) {
            throw new ClusterUnavailableException(clusterId, "the YARN ResourceManager "
                    + environment.resourceManager(), e);
        }
    }

    private ApplicationReport running(String flinkJobId) {
        ApplicationReport report = report(flinkJobId).orElseThrow(() -> new ClusterUnavailableException(clusterId,
                "YARN", new IllegalStateException("no YARN application carries the tag " + jobTag(flinkJobId))));
        if (report.getYarnApplicationState() != YarnApplicationState.RUNNING) {
            throw new ClusterUnavailableException(clusterId, "YARN application " + report.getApplicationId(),
                    new IllegalStateException(YarnSessionTarget.describe(report)));
        }
        return report;
    }

    private RestSessionCluster jobManager(ApplicationReport report) {
        return new RestSessionCluster(clusterId, YarnEnvironment.jobManagerAddress(report), http);
    }

    private static boolean isEnded(ApplicationReport report) {
        return report.getYarnApplicationState() == YarnApplicationState.FINISHED
                || report.getYarnApplicationState() == YarnApplicationState.FAILED
                || report.getYarnApplicationState() == YarnApplicationState.KILLED;
    }

    private void kill(ApplicationId application) {
        try {
            environment.client().killApplication(application);
        } catch (IOException | YarnException e) {
            throw new ClusterUnavailableException(clusterId, "the YARN ResourceManager "
                    + environment.resourceManager(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
