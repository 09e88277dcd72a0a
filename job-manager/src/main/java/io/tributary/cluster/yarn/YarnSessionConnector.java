package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterConnection;
import io.tributary.cluster.ClusterConnector;
import io.tributary.cluster.ClusterDefinition;
import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.ClusterLocation;
import io.tributary.cluster.InvalidClusterException;
import io.tributary.cluster.TargetConnection;
import io.tributary.job.deploy.GatewayJobSubmitter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.yarn.YarnClusterClientFactory;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YARN session clusters ({@code yarn-session}). Registered with an {@code applicationId}, Tributary attaches to
 * that running session; registered without one, Tributary deploys a new session with Flink's
 * {@link YarnClusterDescriptor#deploySessionCluster} before the cluster is stored, stores its application id, and
 * stops the session when the cluster is removed.
 */
public final class YarnSessionConnector implements ClusterConnector {

    private static final Logger LOG = LoggerFactory.getLogger(YarnSessionConnector.class);

    private final HttpClient http;
    private final GatewayJobSubmitter submitter;
    private final Duration probeTimeout;
    private final YarnDeployments deployments;

    public YarnSessionConnector(HttpClient http, GatewayJobSubmitter submitter, Duration probeTimeout,
            YarnDeployments deployments) {
        this.http = requireNonNull(http, "http is null");
        this.submitter = requireNonNull(submitter, "submitter is null");
        this.probeTimeout = requireNonNull(probeTimeout, "probeTimeout is null");
        this.deployments = requireNonNull(deployments, "deployments is null");
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.YARN_SESSION;
    }

    @Override
    public ClusterLocation locate(String restAddress, Map<String, String> settings) {
        return locate(kind(), restAddress, settings);
    }

    static ClusterLocation locate(ClusterKind kind, String restAddress, Map<String, String> settings) {
        if (restAddress != null && !restAddress.isBlank()) {
            throw new InvalidClusterException("restAddress", kind.label() + " clusters are found through YARN; give"
                    + " settings.hadoopConfDir instead of restAddress");
        }
        return new ClusterLocation(Optional.empty(), YarnSettings.parse(kind, settings).toMap());
    }

    @Override
    public ClusterLocation provision(String name, ClusterLocation location) {
        YarnSettings settings = YarnSettings.parse(kind(), location.settings());
        try (YarnEnvironment environment = new YarnEnvironment(settings)) {
            environment.checkResourceManager();
            if (settings.applicationId().isPresent()) {
                checkAttachable(environment, settings.applicationId().get());
                return location;
            }
            String tag = "tributary-session-" + UUID.randomUUID();
            Configuration configuration = environment.flinkConfiguration();
            configuration.set(YarnConfigOptions.APPLICATION_NAME, "Tributary session " + name);
            configuration.set(YarnConfigOptions.APPLICATION_TAGS, "tributary," + tag);
            ClusterSpecification specification = new YarnClusterClientFactory().getClusterSpecification(configuration);
            ApplicationId deployed = deployments.deploy(environment, tag, "the YARN session of cluster '" + name + "'",
                    () -> {
                        try (YarnClusterDescriptor descriptor = environment.descriptor(configuration)) {
                            return descriptor.deploySessionCluster(specification);
                        }
                    });
            LOG.info("Deployed YARN session {} for cluster '{}'", deployed, name);
            return new ClusterLocation(Optional.empty(), settings.deployedSession(deployed.toString()).toMap());
        }
    }

    private static void checkAttachable(YarnEnvironment environment, String applicationId) {
        Optional<ApplicationReport> report;
        try {
            report = environment.report(ApplicationId.fromString(applicationId));
        } catch (Exception e) {
            throw new InvalidClusterException(YarnSettings.HADOOP_CONF_DIR, "the YARN ResourceManager at "
                    + environment.resourceManager() + " does not answer: " + YarnEnvironment.rootMessage(e));
        }
        if (report.isEmpty()) {
            throw new InvalidClusterException(YarnSettings.APPLICATION_ID, "the YARN ResourceManager at "
                    + environment.resourceManager() + " has no application " + applicationId);
        }
        if (report.get().getYarnApplicationState() != YarnApplicationState.RUNNING) {
            throw new InvalidClusterException(YarnSettings.APPLICATION_ID, "cannot attach: "
                    + YarnSessionTarget.describe(report.get()));
        }
    }

    @Override
    public ClusterConnection connect(ClusterDefinition cluster) {
        YarnSettings settings = YarnSettings.parse(kind(), cluster.settings());
        ApplicationId applicationId = ApplicationId.fromString(settings.applicationId().orElseThrow(
                () -> new InvalidClusterException(YarnSettings.APPLICATION_ID, "a registered yarn-session cluster"
                        + " names its session's applicationId; to deploy a new session, register a new cluster")));
        YarnEnvironment environment = new YarnEnvironment(settings);
        YarnSessionTarget target = new YarnSessionTarget(cluster.id(), applicationId, environment, submitter, http);
        return new TargetConnection(target, new YarnSessionProbe(target, http, probeTimeout), target::close,
                environment::close);
    }

    @Override
    public void release(ClusterDefinition cluster) {
        YarnSettings settings = YarnSettings.parse(kind(), cluster.settings());
        if (!settings.stopOnRemove() || settings.applicationId().isEmpty()) {
            return;
        }
        try (YarnEnvironment environment = new YarnEnvironment(settings)) {
            environment.client().killApplication(ApplicationId.fromString(settings.applicationId().get()));
            LOG.info("Stopped YARN session {} of removed cluster '{}'", settings.applicationId().get(), cluster.name());
        } catch (Exception e) {
            LOG.warn("Could not stop YARN session {} of removed cluster '{}': {}", settings.applicationId().get(),
                    cluster.name(), e.toString());
        }
    }
}
