package io.tributary.job.promote;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterRegistry;
import io.tributary.job.JobState;
import io.tributary.job.JobVersion;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.sql.PhaseTimer;
import io.tributary.job.sql.ScratchSession;
import io.tributary.job.sql.WarmSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a statement that works into a managed job: Flink's planner must accept it first, then its first version
 * is frozen and stored together with the job (state CREATED). Also makes new versions of existing jobs.
 */
public final class JobPromoter {

    private static final Logger LOG = LoggerFactory.getLogger(JobPromoter.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:-]{0,199}");

    private final ManagedJobRepository jobs;
    private final ClusterRegistry clusters;
    private final PlanValidator validator;
    private final Clock clock;

    /** Validates in {@code sessions}, which keep the validated session warm for the deploy. */
    public JobPromoter(ManagedJobRepository jobs, ClusterRegistry clusters, WarmSessions sessions, Clock clock) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.validator = new PlanValidator(requireNonNull(sessions, "sessions is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Validates and stores a new job; nothing is stored when anything is wrong. */
    public ManagedJob promote(PromoteRequest request) {
        String name = checkedName(request);
        PhaseTimer timer = new PhaseTimer("promotion of '" + name + "'");
        String statement = validated(request);
        timer.phase("validate");
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        ManagedJob job = new ManagedJob(id, name, request.clusterId(), JobState.CREATED, 1, Optional.empty(),
                Optional.empty(), request.autoRestart(), 0, Optional.empty(), request.actor(), now, now);
        jobs.create(job, version(id, 1, statement, request, now));
        timer.phase("store");
        LOG.debug("{}", timer);
        return job;
    }

    /**
     * Promotes and deploys at once, planning the statement a single time where that is possible. On a cluster whose
     * jobs are planned in the server's gateway ({@link DeploymentTarget#plansInServer()}) the submission itself is
     * the validation: the planner compiles the plan before Flink sees a job, and a statement that does not compile
     * is the same 4xx as with {@link #promote}, nothing stored. The job is stored, with its transitions, once Flink
     * accepted it; should storing fail, the Flink job is cancelled again. Elsewhere: {@link #promote}, then
     * {@code deploy}.
     */
    public ManagedJob promoteAndDeploy(PromoteRequest request, Function<ManagedJob, ManagedJob> deploy,
            Duration cancelTimeout) {
        requireNonNull(deploy, "deploy is null");
        requireNonNull(cancelTimeout, "cancelTimeout is null");
        String name = checkedName(request);
        DeploymentTarget target = clusters.target(request.clusterId()).orElseThrow();
        if (!target.plansInServer()) {
            return deploy.apply(promote(request));
        }
        PhaseTimer timer = new PhaseTimer("promotion and deploy of '" + name + "'");
        String statement = runnableStatement(request.statement(), request.sinkTable());
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        JobVersion version = version(id, 1, statement, request, now);
        target.checkReachable();
        timer.phase("reachable");
        String flinkJobId = new JobID().toHexString();
        String submitted = submitValidated(target, version, name, flinkJobId);
        timer.phase("submit");
        try {
            ManagedJob job = new ManagedJob(id, name, request.clusterId(), JobState.CREATED, 1, Optional.empty(),
                    Optional.empty(), request.autoRestart(), 0, Optional.empty(), request.actor(), now, now);
            jobs.create(job, version);
            jobs.applyChange(id, StateChange.of(JobState.CREATED, JobState.DEPLOYING, request.actor(),
                    "deploy of version 1 with empty state, promoted and deployed in one request")
                    .withFlinkJobId(submitted));
            ManagedJob running = jobs.applyChange(id, StateChange.of(JobState.DEPLOYING, JobState.RUNNING,
                    request.actor(), "submitted to " + target.clusterId())).orElseThrow(
                            () -> new IllegalStateException("job '" + name + "' changed while it was stored"));
            timer.phase("store");
            LOG.info("Job '{}' version 1 promoted and submitted to {} as Flink job {}", name, target.clusterId(),
                    submitted);
            return running;
        } catch (RuntimeException storingFailed) {
            cancelQuietly(target, submitted, cancelTimeout, storingFailed);
            jobs.delete(id);
            throw storingFailed;
        } finally {
            LOG.debug("{}", timer);
        }
    }

    /** Submits; a statement the planner refuses is an {@link InvalidPromotionException} like a failed EXPLAIN. */
    private static String submitValidated(DeploymentTarget target, JobVersion version, String name,
            String flinkJobId) {
        try {
            return target.submit(version, name, flinkJobId, Optional.empty());
        } catch (DeploymentException e) {
            if (e.getCause() instanceof ScratchSession.StatementFailedException refused) {
                throw new InvalidPromotionException("statement", refused.getMessage(), refused.error().position(),
                        refused);
            }
            throw e;
        }
    }

    private static void cancelQuietly(DeploymentTarget target, String flinkJobId, Duration timeout,
            RuntimeException cause) {
        try {
            target.cancel(flinkJobId, timeout);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.warn("Flink job {} was submitted but its job could not be stored, nor the Flink job cancelled: {}",
                    flinkJobId, e.toString());
        }
    }

    /**
     * Validates and stores the next version of a job (its statement, options, dependencies may all change;
     * catalog and database too). Returns the new version; deploying it is the caller's next step.
     */
    public JobVersion newVersion(ManagedJob job, PromoteRequest request) {
        String statement = validated(request);
        JobVersion next = version(job.id(), job.currentVersion() + 1, statement, request, clock.instant());
        if (!jobs.advanceVersion(next, job.currentVersion())) {
            throw new InvalidPromotionException("version", "job '" + job.name()
                    + "' got a new version concurrently; read it again and retry");
        }
        return next;
    }

    private String checkedName(PromoteRequest request) {
        requireNonNull(request, "request is null");
        String name = request.name() == null ? "" : request.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidPromotionException("name", "a job name is 1 to 200 letters, digits, spaces or . _ : -,"
                    + " starting with a letter or digit");
        }
        if (clusters.target(request.clusterId()).isEmpty()) {
            throw new InvalidPromotionException("cluster", "no cluster with id '" + request.clusterId()
                    + "'; use 'embedded' or the id of a registered cluster");
        }
        return name;
    }

    /** The statement to run, once the planner accepted it (a query first on its own, for exact positions). */
    private String validated(PromoteRequest request) {
        String statement = runnableStatement(request.statement(), request.sinkTable());
        if (StatementShape.of(request.statement()) == StatementShape.QUERY) {
            validator.validate(request.statement(), request.catalog(), request.database(), request.options(),
                    request.dependencies());
        }
        validator.validate(statement, request.catalog(), request.database(), request.options(),
                request.dependencies());
        return statement;
    }

    private static String runnableStatement(String statement, Optional<String> sinkTable) {
        if (statement == null || statement.isBlank()) {
            throw new InvalidPromotionException("statement", "a statement is required");
        }
        return switch (StatementShape.of(statement)) {
            case INSERT, STATEMENT_SET -> {
                if (sinkTable.isPresent()) {
                    throw new InvalidPromotionException("sinkTable",
                            "a sink table goes with a query; an INSERT or STATEMENT SET names its own sinks");
                }
                yield StatementShape.body(statement);
            }
            case QUERY -> "INSERT INTO " + sinkTable.filter(sink -> !sink.isBlank()).orElseThrow(
                    () -> new InvalidPromotionException("sinkTable",
                            "a query is promoted together with the table it writes to: give sinkTable"))
                    + "\n" + StatementShape.body(statement);
            case OTHER -> throw new InvalidPromotionException("statement",
                    "only an INSERT, an EXECUTE STATEMENT SET BEGIN ... END, or a query with a sinkTable can"
                            + " become a managed job");
        };
    }

    private static JobVersion version(String jobId, int number, String statement, PromoteRequest request,
            Instant now) {
        List<String> catalogs = new ArrayList<>();
        catalogs.add(request.catalog());
        return new JobVersion(jobId, number, statement, request.catalog(), request.database(), request.options(),
                request.dependencies(), catalogs, request.jars(), request.sourceSession(), request.sourceOperation(),
                request.actor(), now);
    }
}
