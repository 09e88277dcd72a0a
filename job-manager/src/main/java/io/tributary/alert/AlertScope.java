package io.tributary.alert;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What a rule watches: one job, every job of one cluster (and the cluster itself), or everything. */
public record AlertScope(Kind kind, Optional<String> id) {

    public enum Kind { ALL, JOB, CLUSTER }

    public static final AlertScope ALL = new AlertScope(Kind.ALL, Optional.empty());

    public AlertScope {
        requireNonNull(kind, "kind is null");
        requireNonNull(id, "id is null");
        if ((kind == Kind.ALL) != id.isEmpty()) {
            throw new IllegalArgumentException("scope " + kind + " "
                    + (kind == Kind.ALL ? "takes no id" : "needs an id"));
        }
    }

    public static AlertScope job(String jobId) {
        return new AlertScope(Kind.JOB, Optional.of(jobId));
    }

    public static AlertScope cluster(String clusterId) {
        return new AlertScope(Kind.CLUSTER, Optional.of(clusterId));
    }

    public boolean matches(AlertEvent event) {
        return switch (kind) {
            case ALL -> true;
            case JOB -> event.jobId().equals(id);
            case CLUSTER -> event.clusterId().equals(id);
        };
    }
}
