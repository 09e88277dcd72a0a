package io.tributary.cluster.yarn;

import io.tributary.job.JobVersion;
import org.apache.flink.configuration.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/** Starts one job's own Flink cluster as a YARN application: in application mode or in per-job mode. */
public interface YarnJobLauncher {

    /**
     * Starts the job version as the Flink job {@code flinkJobId} in a new YARN application configured by
     * {@code configuration} (tags, name, fixed job id, savepoint to restore from), and returns the application's id.
     * A failure leaves no application behind (every one tagged {@code tag} is killed).
     */
    ApplicationId launch(YarnEnvironment environment, Configuration configuration, JobVersion version, String jobName,
            String flinkJobId, String tag);
}
