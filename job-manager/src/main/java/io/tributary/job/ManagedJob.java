package io.tributary.job;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** A promoted statement that Tributary runs and watches; its SQL lives in its numbered {@link JobVersion}s. */
public record ManagedJob(
        String id,
        String name,
        String clusterId,
        JobState state,
        int currentVersion,
        Optional<String> flinkJobId,
        Optional<String> lastSavepoint,
        AutoRestart autoRestart,
        int autoRestarts,
        Optional<String> lastError,
        String createdBy,
        Instant createdAt,
        Instant stateChangedAt) {

    public ManagedJob {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(state, "state is null");
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(lastSavepoint, "lastSavepoint is null");
        requireNonNull(autoRestart, "autoRestart is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(stateChangedAt, "stateChangedAt is null");
    }

    /** Whether Tributary redeploys the job when it fails, and how often at most before it gives up. */
    public record AutoRestart(boolean enabled, int maxRestarts) {
        public static final AutoRestart OFF = new AutoRestart(false, 0);

        public AutoRestart {
            if (maxRestarts < 0) {
                throw new IllegalArgumentException("maxRestarts must not be negative");
            }
        }
    }
}
