package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Where a (re)started job takes its state from. */
public record RestorePoint(Kind kind, Optional<String> path) {

    public enum Kind {
        /** The savepoint the job was last stopped with. */
        LATEST_SAVEPOINT,
        /** A savepoint (or retained checkpoint) chosen by path. */
        SAVEPOINT,
        /** The latest checkpoint the cluster retained for the job's last run. */
        LATEST_CHECKPOINT,
        /** No state: start from scratch. */
        EMPTY
    }

    public RestorePoint {
        requireNonNull(kind, "kind is null");
        requireNonNull(path, "path is null");
        if (kind == Kind.SAVEPOINT && path.isEmpty()) {
            throw new IllegalArgumentException("a SAVEPOINT restore point needs a path");
        }
    }

    public static RestorePoint empty() {
        return new RestorePoint(Kind.EMPTY, Optional.empty());
    }

    public static RestorePoint latestSavepoint() {
        return new RestorePoint(Kind.LATEST_SAVEPOINT, Optional.empty());
    }

    public static RestorePoint latestCheckpoint() {
        return new RestorePoint(Kind.LATEST_CHECKPOINT, Optional.empty());
    }

    public static RestorePoint savepoint(String path) {
        return new RestorePoint(Kind.SAVEPOINT, Optional.of(path));
    }

    /** A resolved restore point: the concrete path to restore from, if any. */
    public static RestorePoint resolved(Optional<String> path) {
        return path.map(RestorePoint::savepoint).orElseGet(RestorePoint::empty);
    }
}
