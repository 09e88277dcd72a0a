package io.tributary.server.job;

import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import java.time.Instant;
import java.util.Set;

/** A managed job as the API shows it. */
public record JobView(
        String id,
        String name,
        JobState state,
        Set<JobState> nextStates,
        String cluster,
        String flinkJobId,
        int version,
        String lastSavepoint,
        String lastError,
        AutoRestartView autoRestart,
        int autoRestarts,
        String createdBy,
        Instant createdAt,
        Instant stateChangedAt,
        String flinkWebUi) {

    public record AutoRestartView(boolean enabled, int maxRestarts) {}

    static JobView of(ManagedJob job, String clusterWebUi) {
        String jobUi = job.flinkJobId().map(id -> clusterWebUi + "/#/job/running/" + id + "/overview").orElse(null);
        return new JobView(job.id(), job.name(), job.state(), job.state().nextStates(), job.clusterId(),
                job.flinkJobId().orElse(null), job.currentVersion(), job.lastSavepoint().orElse(null),
                job.lastError().orElse(null),
                new AutoRestartView(job.autoRestart().enabled(), job.autoRestart().maxRestarts()),
                job.autoRestarts(), job.createdBy(), job.createdAt(), job.stateChangedAt(), jobUi);
    }
}
