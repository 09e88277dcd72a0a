package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.InvalidClusterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings of a registered YARN cluster (any of the three YARN kinds), checked: the Hadoop configuration
 * directory (with its {@code yarn-site.xml}), the queue, Flink configuration overrides ({@code flink.<option>}),
 * and for a session the application id of the session ({@code applicationId}) and whether Tributary stops it when
 * the cluster is removed ({@code stopOnRemove}, set when Tributary deployed it).
 */
public record YarnSettings(
        Path hadoopConfDir,
        String queue,
        Optional<String> applicationId,
        boolean stopOnRemove,
        Map<String, String> flinkConfiguration) {

    public static final String HADOOP_CONF_DIR = "hadoopConfDir";
    public static final String QUEUE = "queue";
    public static final String APPLICATION_ID = "applicationId";
    public static final String STOP_ON_REMOVE = "stopOnRemove";
    /** The prefix of a Flink configuration override, e.g. {@code flink.taskmanager.numberOfTaskSlots}. */
    public static final String FLINK_PREFIX = "flink.";

    private static final Pattern APPLICATION_ID_FORMAT = Pattern.compile("application_\\d+_\\d+");

    public YarnSettings {
        requireNonNull(hadoopConfDir, "hadoopConfDir is null");
        requireNonNull(queue, "queue is null");
        requireNonNull(applicationId, "applicationId is null");
        flinkConfiguration = Map.copyOf(flinkConfiguration);
    }

    /** Checks the settings of a registration of {@code kind}; a wrong or missing one names itself. No request. */
    public static YarnSettings parse(ClusterKind kind, Map<String, String> settings) {
        Map<String, String> flink = new TreeMap<>();
        String confDir = null;
        String queue = "default";
        Optional<String> applicationId = Optional.empty();
        boolean stopOnRemove = false;
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            switch (key) {
                case HADOOP_CONF_DIR -> confDir = value;
                case QUEUE -> {
                    if (value.isEmpty()) {
                        throw new InvalidClusterException(QUEUE, "queue must not be empty (leave it out for 'default')");
                    }
                    queue = value;
                }
                case APPLICATION_ID -> {
                    if (kind != ClusterKind.YARN_SESSION) {
                        throw new InvalidClusterException(APPLICATION_ID, kind.label() + " clusters start a YARN"
                                + " application per job; applicationId names a yarn-session cluster's application");
                    }
                    if (!APPLICATION_ID_FORMAT.matcher(value).matches()) {
                        throw new InvalidClusterException(APPLICATION_ID, "'" + value + "' is not a YARN application"
                                + " id, e.g. application_1700000000000_0001");
                    }
                    applicationId = Optional.of(value);
                }
                case STOP_ON_REMOVE -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new InvalidClusterException(STOP_ON_REMOVE, "stopOnRemove is true or false, was '"
                                + value + "'");
                    }
                    stopOnRemove = Boolean.parseBoolean(value);
                }
                default -> {
                    if (!key.startsWith(FLINK_PREFIX) || key.length() == FLINK_PREFIX.length()) {
                        throw new InvalidClusterException(key, "unknown setting '" + key + "'; YARN clusters take "
                                + HADOOP_CONF_DIR + ", " + QUEUE + ", " + (kind == ClusterKind.YARN_SESSION
                                        ? APPLICATION_ID + ", " + STOP_ON_REMOVE + ", " : "")
                                + "and Flink options as flink.<option>");
                    }
                    flink.put(key.substring(FLINK_PREFIX.length()), value);
                }
            }
        }
        if (confDir == null || confDir.isEmpty()) {
            throw new InvalidClusterException(HADOOP_CONF_DIR, "hadoopConfDir is required: the directory with the"
                    + " cluster's yarn-site.xml (and core-site.xml)");
        }
        Path dir = Path.of(confDir).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidClusterException(HADOOP_CONF_DIR, "'" + confDir + "' is not a directory on the Tributary"
                    + " server");
        }
        if (!Files.isReadable(dir.resolve("yarn-site.xml"))) {
            throw new InvalidClusterException(HADOOP_CONF_DIR, "'" + confDir + "' has no readable yarn-site.xml: it"
                    + " must be a Hadoop configuration directory naming the ResourceManager");
        }
        return new YarnSettings(dir, queue, applicationId, stopOnRemove, flink);
    }

    /** These settings as stored with the cluster. */
    public Map<String, String> toMap() {
        Map<String, String> map = new TreeMap<>();
        map.put(HADOOP_CONF_DIR, hadoopConfDir.toString());
        map.put(QUEUE, queue);
        applicationId.ifPresent(id -> map.put(APPLICATION_ID, id));
        if (stopOnRemove) {
            map.put(STOP_ON_REMOVE, "true");
        }
        flinkConfiguration.forEach((key, value) -> map.put(FLINK_PREFIX + key, value));
        return map;
    }

    /** These settings naming a session Tributary deployed: its application id, stopped when the cluster is removed. */
    public YarnSettings deployedSession(String deployedApplicationId) {
        return new YarnSettings(hadoopConfDir, queue, Optional.of(deployedApplicationId), true, flinkConfiguration);
    }
}
