package io.tributary.job.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.cluster.InvalidClusterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.kubernetes.configuration.KubernetesConfigOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of Kubernetes clusters: what each becomes in Flink's configuration, and every mistake named. */
class KubernetesSettingsTest {

    @TempDir
    Path dir;

    @Test
    void settingsBecomeFlinksOptionsAndTheSettingsWinOverOverrides() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("config"), "apiVersion: v1\nkind: Config\n");
        Path template = Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\n");
        KubernetesSettings settings = KubernetesSettings.session(Map.ofEntries(
                Map.entry("kubeconfig", kubeconfig.toString()), Map.entry("namespace", "analytics"),
                Map.entry("clusterId", "lake-session"), Map.entry("image", "flink:1.20"),
                Map.entry("serviceAccount", "flink"), Map.entry("jobManagerCpu", "0.5"),
                Map.entry("jobManagerMemory", "1600m"), Map.entry("taskManagerCpu", "2"),
                Map.entry("taskManagerMemory", "4g"), Map.entry("podTemplate", template.toString()),
                Map.entry("flink.taskmanager.numberOfTaskSlots", "4")));

        Configuration flink = settings.toFlinkConfiguration();

        assertThat(flink.get(KubernetesConfigOptions.KUBE_CONFIG_FILE)).isEqualTo(kubeconfig.toString());
        assertThat(flink.get(KubernetesConfigOptions.NAMESPACE)).isEqualTo("analytics");
        assertThat(flink.get(KubernetesConfigOptions.CONTAINER_IMAGE)).isEqualTo("flink:1.20");
        assertThat(flink.get(KubernetesConfigOptions.KUBERNETES_SERVICE_ACCOUNT)).isEqualTo("flink");
        assertThat(flink.get(KubernetesConfigOptions.JOB_MANAGER_CPU)).isEqualTo(0.5);
        assertThat(flink.get(JobManagerOptions.TOTAL_PROCESS_MEMORY)).isEqualTo(MemorySize.parse("1600m"));
        assertThat(flink.get(KubernetesConfigOptions.TASK_MANAGER_CPU)).isEqualTo(2.0);
        assertThat(flink.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY)).isEqualTo(MemorySize.parse("4g"));
        assertThat(flink.get(KubernetesConfigOptions.KUBERNETES_POD_TEMPLATE)).isEqualTo(template.toString());
        assertThat(flink.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
        assertThat(settings.clusterId()).hasValue("lake-session");
        assertThat(settings.deploy()).isFalse();
        assertThat(KubernetesSettings.application(Map.of()).namespace()).as("the default namespace")
                .isEqualTo("default");
    }

    @Test
    void everyMistakeNamesItsSetting() {
        assertField(() -> KubernetesSettings.session(Map.of()), "clusterId");
        assertField(() -> KubernetesSettings.session(session("kubeconfig", "/no/such/kubeconfig")), "kubeconfig");
        assertField(() -> KubernetesSettings.session(session("namespace", "Not_Valid")), "namespace");
        assertField(() -> KubernetesSettings.session(session("clusterId", "x".repeat(46))), "clusterId");
        assertField(() -> KubernetesSettings.session(session("deploy", "yes")), "deploy");
        assertField(() -> KubernetesSettings.session(session("jobManagerCpu", "-1")), "jobManagerCpu");
        assertField(() -> KubernetesSettings.session(session("taskManagerMemory", "much")), "taskManagerMemory");
        assertField(() -> KubernetesSettings.session(session("podTemplate", "/no/such/pod.yaml")), "podTemplate");
        assertField(() -> KubernetesSettings.session(session("applicationId", "application_1_1")), "applicationId");
        assertField(() -> KubernetesSettings.session(session("flink.kubernetes.cluster-id", "other")),
                "flink.kubernetes.cluster-id");
        assertField(() -> KubernetesSettings.application(Map.of("clusterId", "one")), "clusterId");
    }

    private static Map<String, String> session(String key, String value) {
        Map<String, String> settings = new HashMap<>(Map.of("clusterId", "lake-session"));
        settings.put(key, value);
        return settings;
    }

    private static void assertField(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOf(InvalidClusterException.class)
                .extracting(e -> ((InvalidClusterException) e).field()).isEqualTo(field);
    }
}
