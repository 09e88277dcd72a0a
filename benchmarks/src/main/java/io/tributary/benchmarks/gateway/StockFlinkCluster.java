package io.tributary.benchmarks.gateway;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;

/**
 * The session cluster of the stock side: a Flink MiniCluster sized like the server's default embedded cluster
 * (1 TaskManager, 4 slots, 256 MB managed memory, 64 MB network memory), everything on 127.0.0.1.
 */
final class StockFlinkCluster implements AutoCloseable {

    static final String ADDRESS = "127.0.0.1";
    private static final int TASK_MANAGERS = 1;
    private static final int SLOTS = 4;
    private static final MemorySize MANAGED_MEMORY = MemorySize.parse("256m");
    private static final MemorySize NETWORK_MEMORY = MemorySize.parse("64m");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final MiniCluster cluster;

    private StockFlinkCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    static StockFlinkCluster start(int restPort) throws Exception {
        Configuration configuration = configuration(restPort);
        FileSystem.initialize(configuration, PluginUtils.createPluginManagerFromRootFolder(configuration));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(TASK_MANAGERS)
                .setNumSlotsPerTaskManager(SLOTS)
                .setRpcServiceSharing(RpcServiceSharing.SHARED)
                .build());
        try {
            cluster.start();
            URI address = cluster.getRestAddress().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            System.out.println("Stock Flink MiniCluster REST endpoint at " + address);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new StockFlinkCluster(cluster);
    }

    static Configuration configuration(int restPort) {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.ADDRESS, ADDRESS);
        configuration.set(RestOptions.BIND_ADDRESS, ADDRESS);
        configuration.set(RestOptions.PORT, restPort);
        configuration.set(RestOptions.BIND_PORT, Integer.toString(restPort));
        configuration.set(JobManagerOptions.ADDRESS, ADDRESS);
        configuration.set(JobManagerOptions.BIND_HOST, ADDRESS);
        configuration.set(TaskManagerOptions.HOST, ADDRESS);
        configuration.set(TaskManagerOptions.BIND_HOST, ADDRESS);
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, SLOTS);
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MANAGED_MEMORY);
        configuration.set(TaskManagerOptions.NETWORK_MEMORY_MIN, NETWORK_MEMORY);
        configuration.set(TaskManagerOptions.NETWORK_MEMORY_MAX, NETWORK_MEMORY);
        return configuration;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
