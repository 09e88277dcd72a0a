package io.tributary.job.deploy.kubernetes;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.InvalidClusterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;

/**
 * The settings of a registered Kubernetes cluster (session or application kind), checked without any request: where
 * the API server is (a kubeconfig file), the namespace, what the Flink pods look like (image, service account,
 * CPU and memory, a pod template) and Flink configuration overrides ({@code flink.<key>} settings).
 *
 * @param clusterId the session's Flink cluster-id (session kind only)
 * @param deploy whether Tributary deploys the session when it does not exist (session kind only)
 */
public record KubernetesSettings(
        Optional<Path> kubeconfig,
        String namespace,
        Optional<String> clusterId,
        boolean deploy,
        Optional<String> image,
        Optional<String> serviceAccount,
        Optional<Double> jobManagerCpu,
        Optional<MemorySize> jobManagerMemory,
        Optional<Double> taskManagerCpu,
        Optional<MemorySize> taskManagerMemory,
        Optional<Path> podTemplate,
        Map<String, String> flinkOverrides) {

    /** The prefix of a setting that is a Flink configuration override, e.g. {@code flink.taskmanager.numberOfTaskSlots}. */
    public static final String FLINK_PREFIX = "flink.";

    /** A Kubernetes name (RFC 1123 label); Flink allows cluster-ids of at most 45 characters. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final int MAX_CLUSTER_ID = 45;
    private static final Set<String> SESSION_KEYS = Set.of("kubeconfig", "namespace", "clusterId", "deploy", "image",
            "serviceAccount", "jobManagerCpu", "jobManagerMemory", "taskManagerCpu", "taskManagerMemory",
            "podTemplate");
    private static final Set<String> APPLICATION_KEYS = Set.of("kubeconfig", "namespace", "image", "serviceAccount",
            "jobManagerCpu", "jobManagerMemory", "taskManagerCpu", "taskManagerMemory", "podTemplate");
    /** Flink options Tributary sets itself from the settings above; an override of one would contradict them. */
    private static final Set<String> MANAGED_OPTIONS = Set.of(KubernetesConfigOptions.KUBE_CONFIG_FILE.key(),
            KubernetesConfigOptions.NAMESPACE.key(), KubernetesConfigOptions.CLUSTER_ID.key(), "execution.target",
            "pipeline.jars", "kubernetes.secrets", "$internal.application.main", "$internal.pipeline.job-id");

    public KubernetesSettings {
        requireNonNull(kubeconfig, "kubeconfig is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(image, "image is null");
        requireNonNull(serviceAccount, "serviceAccount is null");
        requireNonNull(jobManagerCpu, "jobManagerCpu is null");
        requireNonNull(jobManagerMemory, "jobManagerMemory is null");
        requireNonNull(taskManagerCpu, "taskManagerCpu is null");
        requireNonNull(taskManagerMemory, "taskManagerMemory is null");
        requireNonNull(podTemplate, "podTemplate is null");
        flinkOverrides = Map.copyOf(flinkOverrides);
    }

    /** Checks the settings of a {@code kubernetes-session} cluster; a wrong or missing one names itself. */
    public static KubernetesSettings session(Map<String, String> settings) {
        KubernetesSettings parsed = parse(settings, SESSION_KEYS);
        if (parsed.clusterId().isEmpty()) {
            throw new InvalidClusterException("clusterId", "clusterId is required: the Flink cluster-id of the session"
                    + " (its Deployment's name), e.g. my-session; with deploy=true Tributary deploys it if absent");
        }
        return parsed;
    }

    /** Checks the settings of a {@code kubernetes-application} cluster; a wrong or missing one names itself. */
    public static KubernetesSettings application(Map<String, String> settings) {
        return parse(settings, APPLICATION_KEYS);
    }

    private static KubernetesSettings parse(Map<String, String> raw, Set<String> known) {
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (key.startsWith(FLINK_PREFIX) && key.length() > FLINK_PREFIX.length()) {
                String option = key.substring(FLINK_PREFIX.length());
                if (MANAGED_OPTIONS.contains(option)) {
                    throw new InvalidClusterException(key, "'" + option + "' is set by Tributary; use the settings "
                            + known.stream().sorted().toList() + " instead");
                }
                overrides.put(option, value);
            } else if (!known.contains(key)) {
                throw new InvalidClusterException(key, "unknown setting '" + key + "'; known settings: "
                        + known.stream().sorted().toList() + " and flink.<Flink option>");
            } else if (!value.isEmpty()) {
                settings.put(key, value);
            }
        }
        Optional<Path> kubeconfig = Optional.ofNullable(settings.get("kubeconfig")).map(text -> readableFile(
                "kubeconfig", text, "the kubeconfig file that names the API server and the credentials"));
        String namespace = settings.getOrDefault("namespace", "default");
        if (!DNS_LABEL.matcher(namespace).matches() || namespace.length() > 63) {
            throw new InvalidClusterException("namespace", "'" + namespace + "' is not a Kubernetes namespace name"
                    + " (lower-case letters, digits and '-', at most 63 characters)");
        }
        Optional<String> clusterId = Optional.ofNullable(settings.get("clusterId"));
        clusterId.ifPresent(id -> {
            if (!DNS_LABEL.matcher(id).matches() || id.length() > MAX_CLUSTER_ID) {
                throw new InvalidClusterException("clusterId", "'" + id + "' is not a valid Flink cluster-id (a"
                        + " lower-case letter, then lower-case letters, digits and '-', at most " + MAX_CLUSTER_ID
                        + " characters)");
            }
        });
        String deploy = settings.getOrDefault("deploy", "false");
        if (!deploy.equals("true") && !deploy.equals("false")) {
            throw new InvalidClusterException("deploy", "deploy must be true or false, was '" + deploy + "'");
        }
        return new KubernetesSettings(kubeconfig, namespace, clusterId, Boolean.parseBoolean(deploy),
                Optional.ofNullable(settings.get("image")), Optional.ofNullable(settings.get("serviceAccount")),
                cpu(settings, "jobManagerCpu"), memory(settings, "jobManagerMemory"), cpu(settings, "taskManagerCpu"),
                memory(settings, "taskManagerMemory"),
                Optional.ofNullable(settings.get("podTemplate")).map(text -> readableFile("podTemplate", text,
                        "a pod template file (YAML) for the JobManager and TaskManager pods")),
                overrides);
    }

    /**
     * The Flink configuration every client of this cluster starts from: the overrides first, then the settings
     * (the settings win). The cluster-id and the deployment target are the caller's.
     */
    public Configuration toFlinkConfiguration() {
        Configuration configuration = Configuration.fromMap(flinkOverrides);
        kubeconfig.ifPresent(path -> configuration.set(KubernetesConfigOptions.KUBE_CONFIG_FILE, path.toString()));
        configuration.set(KubernetesConfigOptions.NAMESPACE, namespace);
        image.ifPresent(value -> configuration.set(KubernetesConfigOptions.CONTAINER_IMAGE, value));
        serviceAccount.ifPresent(value -> configuration.set(KubernetesConfigOptions.KUBERNETES_SERVICE_ACCOUNT, value));
        jobManagerCpu.ifPresent(value -> configuration.set(KubernetesConfigOptions.JOB_MANAGER_CPU, value));
        jobManagerMemory.ifPresent(value -> configuration.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, value));
        taskManagerCpu.ifPresent(value -> configuration.set(KubernetesConfigOptions.TASK_MANAGER_CPU, value));
        taskManagerMemory.ifPresent(value -> configuration.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, value));
        podTemplate.ifPresent(path -> configuration.set(KubernetesConfigOptions.KUBERNETES_POD_TEMPLATE,
                path.toString()));
        return configuration;
    }

    private static Path readableFile(String field, String text, String what) {
        Path path;
        try {
            path = Path.of(text).toAbsolutePath();
        } catch (RuntimeException e) {
            throw new InvalidClusterException(field, "'" + text + "' is not a path: " + e.getMessage());
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidClusterException(field, "no such file: " + path + " (" + field + " must name " + what
                    + " on the Tributary server)");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidClusterException(field, path + " is not readable by the Tributary server");
        }
        return path;
    }

    private static Optional<Double> cpu(Map<String, String> settings, String field) {
        return Optional.ofNullable(settings.get(field)).map(text -> {
            try {
                double cpu = Double.parseDouble(text);
                if (cpu > 0 && Double.isFinite(cpu)) {
                    return cpu;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidClusterException(field, field + " must be a positive number of CPUs, e.g. 0.5; was '"
                    + text + "'");
        });
    }

    private static Optional<MemorySize> memory(Map<String, String> settings, String field) {
        return Optional.ofNullable(settings.get(field)).map(text -> {
            try {
                MemorySize size = MemorySize.parse(text);
                if (size.getBytes() > 0) {
                    return size;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new InvalidClusterException(field, field + " must be a memory size, e.g. 1600m or 2g; was '"
                    + text + "'");
        });
    }
}
