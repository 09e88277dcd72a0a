package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.deploy.RestSessionCluster;
import io.tributary.job.deploy.SessionClusterTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * A Flink session cluster running as one YARN application. Its JobManager's REST address is found through the
 * ResourceManager (the application master's host and port, which Flink registers as its REST endpoint) and found
 * again when the application master moves; jobs are submitted through a gateway session pointed at that address
 * and operated with Flink's REST client, like every session target. When the application is not running any more
 * (killed from outside, failed), every operation says so.
 */
public final class YarnSessionTarget extends SessionClusterTarget {

    private final String clusterId;
    private final ApplicationId applicationId;
    private final YarnEnvironment environment;
    private final GatewayJobSubmitter submitter;
    private final HttpClient http;
    private RestSessionCluster session;

    public YarnSessionTarget(String clusterId, ApplicationId applicationId, YarnEnvironment environment,
            GatewayJobSubmitter submitter, HttpClient http) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.applicationId = requireNonNull(applicationId, "applicationId is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.submitter = requireNonNull(submitter, "submitter is null");
        this.http = requireNonNull(http, "http is null");
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public String kind() {
        return "yarn-session";
    }

    public ApplicationId applicationId() {
        return applicationId;
    }

    @Override
    public URI webUi() {
        try {
            return session().restAddress();
        } catch (ClusterUnavailableException e) {
            return environment.resourceManagerWebUi().resolve("/cluster/app/" + applicationId);
        }
    }

    @Override
    public void checkReachable() {
        session().checkReachable();
    }

    @Override
    public String submit(JobVersion version, String jobName, String flinkJobId, Optional<String> restoreFrom) {
        URI address = session().restAddress();
        return submitter.submit(version, jobName, flinkJobId, Map.of(
                "execution.target", "remote",
                "rest.address", address.getHost(),
                "rest.port", Integer.toString(address.getPort())), restoreFrom);
    }

    /**
     * The session's JobManager as the ResourceManager places it now; {@link ClusterUnavailableException} when the
     * ResourceManager does not answer or the application is not running.
     */
    @Override
    protected synchronized RestSessionCluster session() {
        ApplicationReport report = runningReport();
        URI address = YarnEnvironment.jobManagerAddress(report);
        if (session == null || !session.restAddress().equals(address)) {
            if (session != null) {
                session.close();
            }
            session = new RestSessionCluster(clusterId, address, http);
        }
        return session;
    }

    private ApplicationReport runningReport() {
        Optional<ApplicationReport> report;
        try {
            report = environment.report(applicationId);
        } catch (IOException | YarnException | RuntimeException e) {
            throw new ClusterUnavailableException(clusterId, "the YARN ResourceManager " + environment.resourceManager(),
                    e);
        }
        if (report.isEmpty()) {
            throw new ClusterUnavailableException(clusterId, "YARN application " + applicationId,
                    new IllegalStateException("the ResourceManager does not know YARN application " + applicationId));
        }
        if (report.get().getYarnApplicationState() != YarnApplicationState.RUNNING) {
            throw new ClusterUnavailableException(clusterId, "YARN application " + applicationId,
                    new IllegalStateException(describe(report.get())));
        }
        return report.get();
    }

    /** E.g. "YARN application application_1_0001 is KILLED (final status KILLED): Application killed by user." */
    static String describe(ApplicationReport report) {
        String diagnostics = report.getDiagnostics() == null ? "" : report.getDiagnostics().strip();
        return "YARN application " + report.getApplicationId() + " is " + report.getYarnApplicationState()
                + " (final status " + report.getFinalApplicationStatus() + ")"
                + (diagnostics.isEmpty() ? "" : ": " + diagnostics.lines().findFirst().orElse(diagnostics));
    }

    synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
