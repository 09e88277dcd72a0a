package io.tributary.server.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.tributary.cluster.ClusterRegistry;
import io.tributary.job.JobTransition;
import io.tributary.job.JobVersion;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.FlinkRestDiagnostics;
import io.tributary.job.deploy.RestorePoint;
import io.tributary.job.lifecycle.JobDeployer;
import io.tributary.job.lifecycle.JobLifecycleSettings;
import io.tributary.job.lifecycle.JobNotFoundException;
import io.tributary.job.lifecycle.JobStateConflictException;
import io.tributary.job.lifecycle.JobStopper;
import io.tributary.job.lifecycle.JobUpgrader;
import io.tributary.job.promote.JobPromoter;
import io.tributary.job.promote.PromoteRequest;
import io.tributary.server.api.Actor;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import io.tributary.server.statement.SessionPromotions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Managed jobs: promote, deploy, stop, cancel, restart, upgrade, and what Flink says about them. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobsController {

    private final ManagedJobRepository jobs;
    private final JobVersionRepository versions;
    private final ClusterRegistry clusters;
    private final JobPromoter promoter;
    private final JobDeployer deployer;
    private final JobStopper stopper;
    private final JobUpgrader upgrader;
    private final SessionPromotions sessionPromotions;
    private final JobLifecycleSettings lifecycle;

    JobsController(ManagedJobRepository jobs, JobVersionRepository versions, ClusterRegistry clusters,
            JobPromoter promoter, JobDeployer deployer, JobStopper stopper, JobUpgrader upgrader,
            SessionPromotions sessionPromotions, JobLifecycleSettings lifecycle) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.versions = requireNonNull(versions, "versions is null");
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.promoter = requireNonNull(promoter, "promoter is null");
        this.deployer = requireNonNull(deployer, "deployer is null");
        this.stopper = requireNonNull(stopper, "stopper is null");
        this.upgrader = requireNonNull(upgrader, "upgrader is null");
        this.sessionPromotions = requireNonNull(sessionPromotions, "sessionPromotions is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    @PostMapping
    @Operation(summary = "Promote a statement into a managed job (validated by Flink's planner; nothing stored if not);"
            + " with sessionId, from an open gateway session: the statement of operationId (or the given one) with the"
            + " session's catalog, database, SET options and temporary DDL; with deploy=true, deployed at once (on a"
            + " session cluster the submission is the validation: the statement is planned once)")
    ResponseEntity<JobView> promote(@RequestBody JobRequests.Promote body, HttpServletRequest request) {
        String actor = Actor.of(request);
        PromoteRequest promotion = fromSession(body, body.toRequest(body.name(), body.clusterOrEmbedded(), actor));
        ManagedJob job = Boolean.TRUE.equals(body.deploy())
                ? promoter.promoteAndDeploy(promotion,
                        promoted -> deployer.deploy(promoted.id(), RestorePoint.empty(), actor),
                        lifecycle.cancelTimeout())
                : promoter.promote(promotion);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(job));
    }

    @GetMapping
    @Operation(summary = "Every managed job")
    List<JobView> list() {
        return jobs.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable String id) {
        return view(job(id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The job's immutable versions: statement, catalog, database, options, dependencies")
    List<JobVersion> versions(@PathVariable String id) {
        return versions.list(job(id).id());
    }

    @PostMapping("/{id}/versions")
    @Operation(summary = "Upgrade: a new validated version, deployed from a savepoint of the running one")
    ResponseEntity<Map<String, Object>> upgrade(@PathVariable String id, @RequestBody JobRequests.Promote body,
            HttpServletRequest request) {
        ManagedJob job = job(id);
        JobUpgrader.Upgrade upgrade = upgrader.upgrade(id,
                fromSession(body, body.toRequest(job.name(), job.clusterId(), Actor.of(request))),
                body.deployOrDefault());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", upgrade.version().version());
        answer.put("job", view(upgrade.finished().getNow(jobs.find(id).orElseThrow())));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    @PostMapping("/{id}/deploy")
    @Operation(summary = "Deploy the current version (body optional: {from, path} as for restart)")
    JobView deploy(@PathVariable String id, @RequestBody(required = false) JobRequests.Restart body,
            HttpServletRequest request) {
        ManagedJob job = job(id);
        JobRequests.Restart from = body == null ? new JobRequests.Restart(null, null) : body;
        return view(deployer.deploy(id, from.toRestorePoint(job.lastSavepoint().isPresent()), Actor.of(request)));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop: with a savepoint (202, SAVEPOINTING until Flink answers) or without (a cancel)")
    ResponseEntity<JobView> stop(@PathVariable String id, @RequestBody(required = false) JobRequests.Stop body,
            HttpServletRequest request) {
        boolean savepoint = body == null || body.withSavepoint();
        if (!savepoint) {
            return ResponseEntity.ok(view(stopper.cancel(id, Actor.of(request))));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(view(stopper.stopWithSavepoint(id, Actor.of(request)).started()));
    }

    @PostMapping("/{id}/cancel")
    JobView cancel(@PathVariable String id, HttpServletRequest request) {
        return view(stopper.cancel(id, Actor.of(request)));
    }

    @PostMapping("/{id}/restart")
    @Operation(summary = "Restart a stopped, canceled, failed or lost job from latest-savepoint, savepoint (path),"
            + " latest-checkpoint or empty state")
    JobView restart(@PathVariable String id, @RequestBody(required = false) JobRequests.Restart body,
            HttpServletRequest request) {
        ManagedJob job = job(id);
        JobRequests.Restart from = body == null ? new JobRequests.Restart(null, null) : body;
        return view(deployer.deploy(id, from.toRestorePoint(job.lastSavepoint().isPresent()), Actor.of(request)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        ManagedJob job = job(id);
        if (job.state().active()) {
            throw new JobStateConflictException(job.name(), job.state(), "delete");
        }
        jobs.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/transitions")
    @Operation(summary = "Every state change of the job: when, who, why")
    List<JobTransition> transitions(@PathVariable String id) {
        return jobs.transitions(job(id).id());
    }

    @GetMapping("/{id}/exceptions")
    @Operation(summary = "Root cause and exception history, from Flink")
    JsonNode exceptions(@PathVariable String id) {
        ManagedJob job = job(id);
        return target(job).diagnostics(flinkJobId(job)).exceptions(flinkJobId(job));
    }

    @GetMapping("/{id}/checkpoints")
    @Operation(summary = "Checkpoint statistics, from Flink")
    JsonNode checkpoints(@PathVariable String id) {
        ManagedJob job = job(id);
        return target(job).diagnostics(flinkJobId(job)).checkpoints(flinkJobId(job));
    }

    @GetMapping("/{id}/logs")
    @Operation(summary = "The JobManager's and TaskManagers' logs of the cluster the job runs on")
    Map<String, Object> logs(@PathVariable String id) {
        ManagedJob job = job(id);
        FlinkRestDiagnostics diagnostics = target(job).diagnostics(flinkJobId(job));
        Map<String, Object> logs = new LinkedHashMap<>();
        logs.put("jobManager", diagnostics.jobManagerLog());
        logs.put("taskManagers", diagnostics.taskManagerLogs());
        logs.put("flinkWebUi", target(job).webUi(flinkJobId(job)).toString());
        return logs;
    }

    private PromoteRequest fromSession(JobRequests.Promote body, PromoteRequest request) {
        return body.sessionId() == null || body.sessionId().isBlank()
                ? request : sessionPromotions.fromSession(request);
    }

    private ManagedJob job(String id) {
        return jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    private String flinkJobId(ManagedJob job) {
        return job.flinkJobId().orElseThrow(() -> new TributaryException(ErrorCode.CONFLICT,
                "job '" + job.name() + "' has not been deployed yet"));
    }

    private DeploymentTarget target(ManagedJob job) {
        return clusters.target(job.clusterId()).orElseThrow(() -> new TributaryException(ErrorCode.NOT_FOUND,
                "cluster '" + job.clusterId() + "' of job '" + job.name() + "' is not registered"));
    }

    private JobView view(ManagedJob job) {
        String webUi = clusters.target(job.clusterId())
                .map(target -> job.flinkJobId().map(target::webUi).orElseGet(target::webUi).toString())
                .orElse("");
        return JobView.of(job, webUi);
    }
}
