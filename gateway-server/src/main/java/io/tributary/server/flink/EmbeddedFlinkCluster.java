package io.tributary.server.flink;

import static java.util.Objects.requireNonNull;

import io.tributary.server.config.TributaryProperties;
import io.tributary.server.startup.StartupFailure;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.runtime.messages.webmonitor.ClusterOverview;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink session cluster that starts with the server (a MiniCluster with its REST API and web UI), so that
 * the first ad-hoc query pays no cluster start-up.
 */
public final class EmbeddedFlinkCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlinkCluster.class);
    private static final String PORT_SETTING = "tributary.flink.port (TRIBUTARY_FLINK_PORT)";

    private final TributaryProperties.Flink settings;
    private volatile MiniCluster cluster;
    private volatile URI restAddress;
    private CompletableFuture<MiniCluster> starting;

    public EmbeddedFlinkCluster(TributaryProperties.Flink settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The Flink configuration of the cluster: everything bound to the configured address. */
    static Configuration flinkConfiguration(TributaryProperties.Flink settings) {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.ADDRESS, settings.address());
        configuration.set(RestOptions.BIND_ADDRESS, settings.address());
        configuration.set(RestOptions.PORT, settings.port());
        configuration.set(RestOptions.BIND_PORT, Integer.toString(settings.port()));
        configuration.set(JobManagerOptions.ADDRESS, settings.address());
        configuration.set(JobManagerOptions.BIND_HOST, settings.address());
        configuration.set(TaskManagerOptions.HOST, settings.address());
        configuration.set(TaskManagerOptions.BIND_HOST, settings.address());
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, settings.slots());
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, bytes(settings.managedMemory().toBytes()));
        configuration.set(TaskManagerOptions.NETWORK_MEMORY_MIN, bytes(settings.networkMemory().toBytes()));
        configuration.set(TaskManagerOptions.NETWORK_MEMORY_MAX, bytes(settings.networkMemory().toBytes()));
        settings.config().forEach(configuration::setString);
        return configuration;
    }

    private static MemorySize bytes(long bytes) {
        return new MemorySize(bytes);
    }

    /**
     * Starts the cluster in the background, so that the rest of the server starts meanwhile; whatever needs the
     * cluster ({@link #restAddress()}) waits for it, and a failure to start surfaces there.
     */
    public synchronized void start() {
        if (starting != null) {
            return;
        }
        starting = CompletableFuture.supplyAsync(this::startCluster, runnable -> {
            Thread thread = new Thread(runnable, "tributary-flink-cluster-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private MiniCluster startCluster() {
        Configuration configuration = flinkConfiguration(settings);
        FileSystem.initialize(configuration, PluginUtils.createPluginManagerFromRootFolder(configuration));
        MiniCluster miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(settings.taskManagers())
                .setNumSlotsPerTaskManager(settings.slots())
                .setRpcServiceSharing(RpcServiceSharing.SHARED)
                .build());
        try {
            miniCluster.start();
            restAddress = miniCluster.getRestAddress().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            closeQuietly(miniCluster);
            if (hasCause(e, BindException.class)) {
                throw new StartupFailure(PORT_SETTING, "port " + settings.port() + " on " + settings.address()
                        + " is already in use; stop what listens there or choose another port", e);
            }
            throw new StartupFailure("tributary.flink", "the embedded Flink cluster did not start: "
                    + e.getMessage(), e);
        }
        cluster = miniCluster;
        LOG.info("Embedded Flink cluster running: {} TaskManager(s) x {} slots, REST and web UI at {}",
                settings.taskManagers(), settings.slots(), restAddress);
        return miniCluster;
    }

    /** Waits until the cluster has started; rethrows why it could not. */
    private void awaitStarted() {
        CompletableFuture<MiniCluster> current = starting;
        if (current == null) {
            throw new IllegalStateException("the embedded Flink cluster was not started");
        }
        try {
            current.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public boolean running() {
        MiniCluster current = cluster;
        return current != null && current.isRunning();
    }

    /** The REST address of the cluster (also its web UI). */
    public URI restAddress() {
        awaitStarted();
        URI address = restAddress;
        if (address == null) {
            throw new IllegalStateException("the embedded Flink cluster is not running");
        }
        return address;
    }

    public String address() {
        return settings.address();
    }

    public int port() {
        return settings.port();
    }

    public int taskManagers() {
        return settings.taskManagers();
    }

    public int slotsPerTaskManager() {
        return settings.slots();
    }

    /** Flink's own overview of the cluster: TaskManagers, slots, jobs. */
    public ClusterOverview overview(Duration timeout) throws Exception {
        awaitStarted();
        MiniCluster current = cluster;
        if (current == null) {
            throw new IllegalStateException("the embedded Flink cluster is not running");
        }
        return current.requestClusterOverview().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (starting != null) {
            try {
                starting.join();
            } catch (CompletionException failedToStart) {
                // Nothing is running: the failure was reported where the cluster was needed.
            }
        }
        MiniCluster current = cluster;
        cluster = null;
        if (current != null) {
            LOG.info("Stopping the embedded Flink cluster");
            closeQuietly(current);
        }
    }

    private static void closeQuietly(MiniCluster miniCluster) {
        try {
            miniCluster.close();
        } catch (Exception e) {
            LOG.warn("The embedded Flink cluster did not stop cleanly: {}", e.toString());
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t) || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
