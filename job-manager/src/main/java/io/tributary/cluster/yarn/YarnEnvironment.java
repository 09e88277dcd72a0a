package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.InvalidClusterException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.yarn.YarnClientYarnClusterInformationRetriever;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * One YARN environment as a registered cluster names it: the Hadoop configuration read from its directory (not
 * from the server's class path or environment, so that several YARN clusters can be registered side by side), a
 * started {@link YarnClient} on it, and the Flink configuration every deployment there starts from.
 */
public final class YarnEnvironment implements AutoCloseable {

    /** The YARN application type Flink's client gives the applications it deploys. */
    public static final String FLINK_APPLICATION_TYPE = "Apache Flink";
    private static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml");

    private final YarnSettings settings;
    private final YarnConfiguration yarnConfiguration;
    private final YarnClient client;

    public YarnEnvironment(YarnSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.yarnConfiguration = readConfiguration(settings.hadoopConfDir());
        this.client = YarnClient.createYarnClient();
        client.init(yarnConfiguration);
        client.start();
    }

    private static YarnConfiguration readConfiguration(Path directory) {
        YarnConfiguration configuration = new YarnConfiguration();
        for (String file : SITE_FILES) {
            Path path = directory.resolve(file);
            if (Files.isReadable(path)) {
                configuration.addResource(new org.apache.hadoop.fs.Path(path.toUri()));
            }
        }
        // A ResourceManager that does not answer is an error within seconds, not after Hadoop's 15 minutes.
        configuration.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, 10_000);
        configuration.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, 1_000);
        configuration.setInt("ipc.client.connect.max.retries", 1);
        configuration.setInt("ipc.client.connect.max.retries.on.timeouts", 1);
        configuration.setInt("ipc.client.connect.timeout", 5_000);
        return configuration;
    }

    public YarnSettings settings() {
        return settings;
    }

    public YarnConfiguration yarnConfiguration() {
        return yarnConfiguration;
    }

    public YarnClient client() {
        return client;
    }

    /** The ResourceManager's address and where it is configured, for messages. */
    public String resourceManager() {
        return yarnConfiguration.get(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS)
                + " (yarn.resourcemanager.address in " + settings.hadoopConfDir().resolve("yarn-site.xml") + ")";
    }

    /** The ResourceManager's web UI, e.g. for a job whose application has ended. */
    public URI resourceManagerWebUi() {
        String address = yarnConfiguration.get(YarnConfiguration.RM_WEBAPP_ADDRESS,
                YarnConfiguration.DEFAULT_RM_WEBAPP_ADDRESS);
        return URI.create("http://" + address);
    }

    /**
     * Asks the ResourceManager for its cluster metrics: fails with an {@link InvalidClusterException} naming
     * {@code hadoopConfDir} (the setting that points at it) when it does not answer.
     */
    public void checkResourceManager() {
        try {
            client.getYarnClusterMetrics();
        } catch (IOException | YarnException | RuntimeException e) {
            throw new InvalidClusterException(YarnSettings.HADOOP_CONF_DIR, "the YARN ResourceManager at "
                    + resourceManager() + " does not answer: " + rootMessage(e));
        }
    }

    /** The application's report, or empty when the ResourceManager does not know it. */
    public Optional<ApplicationReport> report(ApplicationId id) throws IOException, YarnException {
        try {
            return Optional.of(client.getApplicationReport(id));
        } catch (ApplicationNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Every application (in any state) that carries {@code tag}. */
    public List<ApplicationReport> applicationsTagged(String tag) throws IOException, YarnException {
        return client.getApplications(Set.of(FLINK_APPLICATION_TYPE), EnumSet.allOf(YarnApplicationState.class),
                Set.of(tag));
    }

    /** The NodeManagers that are running. */
    public List<NodeReport> runningNodes() throws IOException, YarnException {
        return client.getNodeReports(NodeState.RUNNING);
    }

    /**
     * The Flink configuration a deployment here starts from: Flink's memory defaults (those of Flink's own
     * distribution, which a configuration without it lacks), the queue, then the cluster's {@code flink.*}
     * overrides.
     */
    public Configuration flinkConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1600m"));
        configuration.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1728m"));
        configuration.set(YarnConfigOptions.APPLICATION_QUEUE, settings.queue());
        settings.flinkConfiguration().forEach(configuration::setString);
        return configuration;
    }

    /** Flink's client for this environment, sharing this environment's {@link YarnClient} (closing it keeps it). */
    public YarnClusterDescriptor descriptor(Configuration flinkConfiguration) {
        return new YarnClusterDescriptor(flinkConfiguration, yarnConfiguration, client,
                YarnClientYarnClusterInformationRetriever.create(client), true);
    }

    /** The REST address of the Flink JobManager that runs as the application's master. */
    public static URI jobManagerAddress(ApplicationReport report) {
        return URI.create("http://" + report.getHost() + ":" + report.getRpcPort());
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        client.stop();
    }
}
