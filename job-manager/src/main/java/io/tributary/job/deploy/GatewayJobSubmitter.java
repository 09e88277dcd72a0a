package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import io.tributary.job.sql.PhaseTimer;
import io.tributary.job.sql.ScratchSession;
import io.tributary.job.sql.SessionSetup;
import io.tributary.job.sql.WarmSessions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a frozen job version through a gateway session: a session with the version's SET options, catalog and
 * database and the DDL of its temporary objects — exactly what the ad-hoc session did, so the job compiles to the
 * same plan — runs its statement, with what points it at the cluster and what belongs to this one submission (job
 * name, fixed job id, savepoint) as that statement's execution options. The session is the warm one the
 * promotion's validation left when there is one ({@link WarmSessions}).
 */
public final class GatewayJobSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayJobSubmitter.class);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(2);
    /** Flink's own (internal) option for a fixed job id: the id is stored before the job exists. */
    private static final String FIXED_JOB_ID = PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID.key();

    private final WarmSessions sessions;

    /** Opens a session for every submission. */
    public GatewayJobSubmitter(SqlGatewayService gateway) {
        this(WarmSessions.none(gateway, SUBMIT_TIMEOUT));
    }

    public GatewayJobSubmitter(WarmSessions sessions) {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /**
     * Submits as the Flink job {@code flinkJobId}; {@code targetOptions} are what points the session at the
     * cluster (e.g. rest.address, rest.port, execution.target). Returns the Flink job id.
     */
    public String submit(JobVersion version, String jobName, String flinkJobId, Map<String, String> targetOptions,
            Optional<String> restoreFrom) {
        Map<String, String> submission = new LinkedHashMap<>(targetOptions);
        submission.put("pipeline.name", jobName);
        submission.put("table.dml-sync", "false");
        submission.put(FIXED_JOB_ID, flinkJobId);
        restoreFrom.ifPresent(path -> submission.put("execution.savepoint.path", path));
        SessionSetup setup = new SessionSetup(version.options(), version.catalog(), version.database(),
                version.dependencies());
        PhaseTimer timer = new PhaseTimer("submission of '" + jobName + "'");
        try (WarmSessions.Lease lease = sessions.lease(setup, GatewayJobSubmitter::prepare)) {
            timer.phase(lease.warm() ? "warm session" : "new session");
            ResultSet result = lease.session().run(version.statement(), submission);
            timer.phase("statement");
            JobID jobId = result.getJobID();
            if (jobId == null) {
                throw new DeploymentException("the statement did not start a Flink job: " + version.statement(),
                        null);
            }
            lease.keep();
            return jobId.toHexString();
        } catch (ScratchSession.StatementFailedException e) {
            throw new DeploymentException(e.getMessage(), e);
        } finally {
            LOG.debug("{}", timer);
        }
    }

    private static void prepare(ScratchSession session, SessionSetup setup) {
        session.use(setup.catalog(), setup.database());
        for (String dependency : setup.dependencies()) {
            session.run(dependency);
        }
    }
}
