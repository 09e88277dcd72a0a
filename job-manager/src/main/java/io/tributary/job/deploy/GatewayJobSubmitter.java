package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import io.tributary.job.sql.ScratchSession;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.results.ResultSet;

/**
 * Submits a frozen job version through a gateway session pointed at a session cluster: the version's SET
 * options, then its catalog and database, the DDL of its temporary objects, and its statement — exactly what
 * the ad-hoc session did, so the job compiles to the same plan.
 */
public final class GatewayJobSubmitter {

    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(2);
    /** Flink's own (internal) option for a fixed job id: the id is stored before the job exists. */
    private static final String FIXED_JOB_ID = PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID.key();

    private final SqlGatewayService gateway;

    public GatewayJobSubmitter(SqlGatewayService gateway) {
        this.gateway = requireNonNull(gateway, "gateway is null");
    }

    /**
     * Submits as the Flink job {@code flinkJobId}; {@code targetOptions} are what points the session at the
     * cluster (e.g. rest.address, rest.port, execution.target). Returns the Flink job id.
     */
    public String submit(JobVersion version, String jobName, String flinkJobId, Map<String, String> targetOptions,
            Optional<String> restoreFrom) {
        Map<String, String> options = new LinkedHashMap<>(version.options());
        options.putAll(targetOptions);
        options.put("pipeline.name", jobName);
        options.put("table.dml-sync", "false");
        options.put(FIXED_JOB_ID, flinkJobId);
        options.remove("execution.savepoint.path");
        restoreFrom.ifPresent(path -> options.put("execution.savepoint.path", path));
        try (ScratchSession session = new ScratchSession(gateway, "tributary-deploy-" + jobName, options,
                SUBMIT_TIMEOUT)) {
            session.use(version.catalog(), version.database());
            for (String dependency : version.dependencies()) {
                session.run(dependency);
            }
            ResultSet result = session.run(version.statement());
            JobID jobId = result.getJobID();
            if (jobId == null) {
                throw new DeploymentException("the statement did not start a Flink job: " + version.statement(),
                        null);
            }
            return jobId.toHexString();
        } catch (ScratchSession.StatementFailedException e) {
            throw new DeploymentException(e.getMessage(), e);
        }
    }
}
