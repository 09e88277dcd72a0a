package io.tributary.cluster.yarn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.InvalidClusterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YarnSettingsTest {

    @TempDir
    Path confDir;

    @Test
    void settingsAreCheckedAndStoredNormalised() throws IOException {
        Files.writeString(confDir.resolve("yarn-site.xml"), "<configuration/>");
        YarnSettings settings = YarnSettings.parse(ClusterKind.YARN_SESSION, Map.of("hadoopConfDir",
                confDir.toString(), "queue", "streaming", "applicationId", "application_1700000000000_0001",
                "flink.taskmanager.numberOfTaskSlots", "4"));
        assertThat(settings.queue()).isEqualTo("streaming");
        assertThat(settings.applicationId()).contains("application_1700000000000_0001");
        assertThat(settings.flinkConfiguration()).containsEntry("taskmanager.numberOfTaskSlots", "4");
        assertThat(YarnSettings.parse(ClusterKind.YARN_SESSION, settings.toMap())).isEqualTo(settings);
        assertThat(settings.deployedSession("application_1_0002").toMap())
                .containsEntry("stopOnRemove", "true").containsEntry("applicationId", "application_1_0002");
        assertThat(YarnSettings.parse(ClusterKind.YARN_APPLICATION, Map.of("hadoopConfDir", confDir.toString()))
                .applicationId()).isEqualTo(Optional.empty());
    }

    @Test
    void everyMistakeNamesItsSetting() throws IOException {
        assertField(ClusterKind.YARN_SESSION, Map.of(), "hadoopConfDir");
        assertField(ClusterKind.YARN_SESSION, Map.of("hadoopConfDir", confDir.resolve("missing").toString()),
                "hadoopConfDir");
        assertField(ClusterKind.YARN_SESSION, Map.of("hadoopConfDir", confDir.toString()), "hadoopConfDir");
        Files.writeString(confDir.resolve("yarn-site.xml"), "<configuration/>");
        String dir = confDir.toString();
        assertField(ClusterKind.YARN_SESSION, Map.of("hadoopConfDir", dir, "applicationId", "app-1"),
                "applicationId");
        assertField(ClusterKind.YARN_APPLICATION, Map.of("hadoopConfDir", dir,
                "applicationId", "application_1_0001"), "applicationId");
        assertField(ClusterKind.YARN_PER_JOB, Map.of("hadoopConfDir", dir, "queue", " "), "queue");
        assertField(ClusterKind.YARN_SESSION, Map.of("hadoopConfDir", dir, "stopOnRemove", "yes"), "stopOnRemove");
        assertField(ClusterKind.YARN_SESSION, Map.of("hadoopConfDir", dir, "queueName", "x"), "queueName");
        assertField(ClusterKind.YARN_SESSION, Map.of("hadoopConfDir", dir, "flink.", "x"), "flink.");
    }

    private static void assertField(ClusterKind kind, Map<String, String> settings, String field) {
        assertThatThrownBy(() -> YarnSettings.parse(kind, settings))
                .isInstanceOf(InvalidClusterException.class)
                .extracting("field").isEqualTo(field);
    }
}
