package io.tributary.cluster;

import java.util.Locale;
import java.util.Optional;

/** The kinds of Flink cluster Tributary runs jobs on; the names are those of the API ({@code standalone}, ...). */
public enum ClusterKind {
    EMBEDDED("embedded"),
    STANDALONE("standalone");

    private final String label;

    ClusterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
