package io.tributary.cluster;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of Flink cluster Tributary runs jobs on; the labels are those of the API ({@code standalone}, ...).
 * A kind can be registered only when this build has a {@link ClusterConnector} for it. Session kinds name one
 * running cluster; per-job and application kinds name a place (a YARN or Kubernetes environment) where every job
 * gets a Flink cluster of its own.
 */
public enum ClusterKind {
    EMBEDDED("embedded", "the embedded cluster", "the server"),
    STANDALONE("standalone", "standalone session clusters", "the standalone deployment target"),
    YARN_SESSION("yarn-session", "YARN session clusters", "the YARN deployment target"),
    YARN_PER_JOB("yarn-per-job", "YARN per-job clusters", "the YARN deployment target"),
    YARN_APPLICATION("yarn-application", "YARN application clusters", "the YARN deployment target"),
    KUBERNETES_SESSION("kubernetes-session", "Kubernetes session clusters", "the Kubernetes deployment target"),
    KUBERNETES_APPLICATION("kubernetes-application", "Kubernetes application clusters",
            "the Kubernetes deployment target");

    private final String label;
    private final String description;
    private final String providedBy;

    ClusterKind(String label, String description, String providedBy) {
        this.label = label;
        this.description = description;
        this.providedBy = providedBy;
    }

    public String label() {
        return label;
    }

    /** What clusters of this kind are called in messages, e.g. "YARN session clusters". */
    public String description() {
        return description;
    }

    /** What brings this kind into a build, e.g. "the YARN deployment target". */
    public String providedBy() {
        return providedBy;
    }

    public static Optional<ClusterKind> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (ClusterKind kind : values()) {
            if (kind.label.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
