package io.tributary.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real YARN cluster for the tests: Hadoop's MiniYARNCluster (one ResourceManager with the FIFO scheduler, one
 * NodeManager) in the test JVM, every address on 127.0.0.1 at a free port, the local file system as the cluster's
 * file system. It writes a Hadoop configuration directory (yarn-site.xml, core-site.xml) that Tributary is given as
 * a cluster's {@code hadoopConfDir}.
 *
 * <p>There is no Flink distribution on Maven Central, so the containers run Flink from the test JVM's own Maven jars:
 * {@code yarn.application.classpath} lists the configuration directory and those jars (the containers run on this
 * machine). A real cluster gets Flink's jars shipped instead ({@code yarn.ship-files} / {@code yarn.provided.lib.dirs},
 * see README-yarn.md). Start one per test class.
 */
public final class MiniYarn implements AutoCloseable {

    private final MiniYARNCluster cluster;
    private final Path confDir;
    private final Path stagingDir;

    private MiniYarn(MiniYARNCluster cluster, Path confDir, Path stagingDir) {
        this.cluster = cluster;
        this.confDir = confDir;
        this.stagingDir = stagingDir;
    }

    public static MiniYarn start() throws IOException {
        Path root = Files.createTempDirectory("tributary-yarn");
        Path confDir = Files.createDirectories(root.resolve("conf"));
        Path stagingDir = Files.createDirectories(root.resolve("staging"));
        YarnConfiguration configuration = new YarnConfiguration();
        configuration.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
        for (String key : List.of(YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS, YarnConfiguration.NM_ADDRESS,
                YarnConfiguration.NM_LOCALIZER_ADDRESS, YarnConfiguration.NM_WEBAPP_ADDRESS,
                YarnConfiguration.NM_COLLECTOR_SERVICE_ADDRESS)) {
            configuration.set(key, "127.0.0.1:" + FreePorts.next());
        }
        for (String key : List.of(YarnConfiguration.RM_BIND_HOST, YarnConfiguration.NM_BIND_HOST,
                "yarn.timeline-service.bind-host")) {
            configuration.set(key, "127.0.0.1");
        }
        configuration.set(YarnConfiguration.RM_SCHEDULER,
                "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
        configuration.setInt(YarnConfiguration.NM_PMEM_MB, 8192);
        configuration.setInt(YarnConfiguration.NM_VCORES, 8);
        configuration.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        configuration.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        configuration.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        configuration.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
        configuration.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home"));
        configuration.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, containerClassPath(confDir));
        configuration.set("fs.defaultFS", "file:///");
        MiniYARNCluster cluster = new MiniYARNCluster("tributary-it", 1, 1, 1, 1);
        cluster.init(configuration);
        cluster.start();
        Configuration started = cluster.getConfig();
        try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
            started.writeXml(out);
        }
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", "file:///");
        try (OutputStream out = Files.newOutputStream(confDir.resolve("core-site.xml"))) {
            core.writeXml(out);
        }
        return new MiniYarn(cluster, confDir, stagingDir);
    }

    /** The configuration directory and every jar of this JVM except its logging back end (Spring Boot's). */
    private static String containerClassPath(Path confDir) {
        String jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("logback-"))
                .collect(Collectors.joining(","));
        return confDir + "," + jars;
    }

    /** The Hadoop configuration directory to register clusters with. */
    public Path confDir() {
        return confDir;
    }

    /** The cluster settings of a YARN cluster here: {@code hadoopConfDir} and the Flink options tests need. */
    public Map<String, String> clusterSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("hadoopConfDir", confDir.toString());
        settings.put("flink.yarn.staging-directory", stagingDir.toUri().toString());
        settings.put("flink.jobmanager.memory.process.size", "800m");
        settings.put("flink.taskmanager.memory.process.size", "1g");
        settings.put("flink.taskmanager.numberOfTaskSlots", "2");
        settings.put("flink.env.java.opts.all", System.getProperty("flink.jvm.options", ""));
        return settings;
    }

    /** The ResourceManager's own configuration (e.g. to ask it with a YarnClient). */
    public Configuration configuration() {
        return cluster.getConfig();
    }

    @Override
    public void close() {
        cluster.stop();
        try {
            try (var files = Files.walk(confDir.getParent())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
