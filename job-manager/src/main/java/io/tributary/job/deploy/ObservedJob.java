package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.flink.api.common.JobStatus;

/** What a cluster says about one Flink job: its status, or nothing when the cluster does not know it. */
public record ObservedJob(String flinkJobId, Optional<JobStatus> status) {

    public ObservedJob {
        requireNonNull(flinkJobId, "flinkJobId is null");
        requireNonNull(status, "status is null");
    }

    public static ObservedJob unknown(String flinkJobId) {
        return new ObservedJob(flinkJobId, Optional.empty());
    }
}
