package io.tributary.server.job;

import static io.tributary.server.testing.RunningCountJobs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.testing.CountTables;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.MiniYarn;
import io.tributary.server.testing.RunningCountJobs;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The YARN deployment targets on a real YARN cluster (a MiniYARNCluster in this JVM, every container a real
 * JobManager or TaskManager JVM): a session deployed by Tributary runs a promoted streaming job that keeps a running
 * count in PostgreSQL, stopped with a savepoint and restarted from it; a job in application mode and one in per-job
 * mode, each in a YARN application of its own; a session killed from outside; and the mistakes a user can make.
 */
class YarnTargetsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MiniYarn yarn;
    private static TestServer server;
    private static RunningCountJobs jobs;
    private static YarnClient yarnClient;

    @BeforeAll
    static void start() throws Exception {
        yarn = MiniYarn.start();
        server = TestServer.start(Map.of("tributary.jobs.poll-interval", "500ms",
                "tributary.clusters.lost-after-failed-polls", "2"));
        jobs = new RunningCountJobs(server);
        yarnClient = YarnClient.createYarnClient();
        yarnClient.init(yarn.configuration());
        yarnClient.start();
    }

    @AfterAll
    static void stop() {
        if (yarnClient != null) {
            yarnClient.stop();
        }
        if (server != null) {
            server.close();
        }
        if (yarn != null) {
            yarn.close();
        }
    }

    @Test
    void aSessionDeployedByTributaryRunsAJobThatKeepsItsStateAcrossStopWithSavepointAndRestart() throws Exception {
        JsonNode cluster = register("yarn-session-it", "yarn-session", yarn.clusterSettings(), 201);
        String clusterId = cluster.path("id").asText();
        String applicationId = cluster.path("settings").path("applicationId").asText();
        assertThat(applicationId).startsWith("application_");
        assertThat(state(applicationId)).isEqualTo(YarnApplicationState.RUNNING);
        // A YARN session starts TaskManagers when a job needs them: idle, it answers without any.
        assertThat(cluster.path("health").asText()).isIn("UP", "DEGRADED");
        assertThat(cluster.path("flinkVersion").asText()).isEqualTo("1.20.0");

        String table = CountTables.create("yarn_session_counts");
        String id = jobs.promote("running-count-yarn-session", clusterId, table, null);
        JsonNode deployed = ok(server.post("/api/v1/jobs/" + id + "/deploy", "{}"));
        assertThat(deployed.path("state").asText()).isEqualTo("RUNNING");
        long beforeStop = CountTables.awaitAtLeast(table, 10);

        HttpResponse<String> stopping = server.post("/api/v1/jobs/" + id + "/stop", "{\"savepoint\": true}");
        assertThat(stopping.statusCode()).as(stopping.body()).isEqualTo(202);
        JsonNode stopped = jobs.awaitState(id, "STOPPED");
        assertThat(stopped.path("lastSavepoint").asText()).startsWith("file:");
        long atSavepoint = CountTables.count(table).orElseThrow();
        assertThat(atSavepoint).isGreaterThanOrEqualTo(beforeStop);

        JsonNode restarted = ok(server.post("/api/v1/jobs/" + id + "/restart", "{\"from\": \"latest-savepoint\"}"));
        assertThat(restarted.path("state").asText()).isEqualTo("RUNNING");
        assertThat(CountTables.awaitChange(table, atSavepoint)).as("the count carries on from the savepoint")
                .isGreaterThan(atSavepoint);
        // The cluster's view follows the watcher's polls: the restarted job shows RUNNING there within a few.
        awaitClusterJob(clusterId, restarted.path("flinkJobId").asText(), "RUNNING");

        // Attach a second cluster to the same running session by its application id, and run a job there.
        Map<String, String> attach = new LinkedHashMap<>(yarn.clusterSettings());
        attach.put("applicationId", applicationId);
        JsonNode attached = register("yarn-session-attached", "yarn-session", attach, 201);
        String attachedId = attached.path("id").asText();
        assertThat(attached.path("settings").has("stopOnRemove")).isFalse();
        String attachedTable = CountTables.create("yarn_attached_counts");
        String attachedJob = jobs.promote("running-count-yarn-attached", attachedId, attachedTable, null);
        ok(server.post("/api/v1/jobs/" + attachedJob + "/deploy", "{}"));
        CountTables.awaitAtLeast(attachedTable, 5);

        JsonNode canceled = ok(server.post("/api/v1/jobs/" + id + "/cancel", "{}"));
        assertThat(canceled.path("state").asText()).isEqualTo("CANCELED");

        // Removing the cluster Tributary deployed stops its session; for the attached cluster that is a session
        // killed from outside: it becomes LOST, and so does its job, saying why.
        HttpResponse<String> removed = server.send(HttpRequest.newBuilder(
                URI.create(server.managementUrl() + "/api/v1/clusters/" + clusterId)).DELETE().build());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        awaitApplicationState(applicationId, YarnApplicationState.KILLED);
        JsonNode lost = jobs.awaitState(attachedJob, "LOST");
        assertThat(lost.path("lastError").asText()).contains(applicationId, "KILLED");
        JsonNode attachedCluster = JSON.readTree(server.get("/api/v1/clusters/" + attachedId).body());
        assertThat(attachedCluster.path("health").asText()).isEqualTo("LOST");
        assertThat(attachedCluster.path("healthReason").asText()).contains("KILLED");
    }

    @Test
    void aJobInApplicationModeRunsTheSqlRunnerInAYarnApplicationOfItsOwnAndKeepsItsStateAcrossARestartAndAnUpgrade()
            throws Exception {
        JsonNode cluster = register("yarn-application-it", "yarn-application", yarn.clusterSettings(), 201);
        String clusterId = cluster.path("id").asText();
        assertThat(cluster.path("health").asText()).isEqualTo("UP");
        String table = CountTables.create("yarn_application_counts");
        String id = jobs.promote("running-count-yarn-application", clusterId, table, null);

        JsonNode deployed = ok(server.post("/api/v1/jobs/" + id + "/deploy", "{}"));
        assertThat(deployed.path("state").asText()).isEqualTo("RUNNING");
        String flinkJobId = deployed.path("flinkJobId").asText();
        ApplicationReport application = taggedApplication(flinkJobId);
        assertThat(application.getApplicationTags()).contains("tributary-cluster-" + clusterId);
        long beforeStop = CountTables.awaitAtLeast(table, 10);
        awaitClusterJob(clusterId, flinkJobId, "RUNNING");

        server.post("/api/v1/jobs/" + id + "/stop", "{\"savepoint\": true}");
        JsonNode stopped = jobs.awaitState(id, "STOPPED");
        assertThat(stopped.path("lastSavepoint").asText()).startsWith("file:");
        awaitApplicationState(application.getApplicationId().toString(), YarnApplicationState.FINISHED);
        long atSavepoint = CountTables.count(table).orElseThrow();
        assertThat(atSavepoint).isGreaterThanOrEqualTo(beforeStop);

        JsonNode restarted = ok(server.post("/api/v1/jobs/" + id + "/restart", "{\"from\": \"latest-savepoint\"}"));
        assertThat(restarted.path("state").asText()).isEqualTo("RUNNING");
        String restartedJobId = restarted.path("flinkJobId").asText();
        ApplicationReport second = taggedApplication(restartedJobId);
        assertThat(second.getApplicationId()).isNotEqualTo(application.getApplicationId());
        assertThat(CountTables.awaitChange(table, atSavepoint)).as("the count carries on from the savepoint")
                .isGreaterThan(atSavepoint);

        // Tributary restarts: the job is found again by its application's tag, not restarted.
        server.stop();
        server.startAgain();
        JsonNode reattached = JSON.readTree(server.get("/api/v1/jobs/" + id).body());
        assertThat(reattached.path("state").asText()).isEqualTo("RUNNING");
        assertThat(reattached.path("flinkJobId").asText()).isEqualTo(restartedJobId);
        assertThat(reattached.path("flinkWebUi").asText()).startsWith(
                "http://" + second.getHost() + ":" + second.getRpcPort());
        assertThat(taggedApplication(restartedJobId).getApplicationId()).isEqualTo(second.getApplicationId());

        // Upgrade: a new version, deployed from a savepoint of the running one into a YARN application of its own.
        ObjectNode next = jobs.body(null, table, null);
        // The same topology (Flink maps the savepoint's state to the new plan by it), another version's text.
        next.put("statement", "INSERT INTO pg_counts SELECT k, COUNT(*) AS n FROM gen GROUP BY k");
        HttpResponse<String> upgrade = server.post("/api/v1/jobs/" + id + "/versions", JSON.writeValueAsString(next));
        assertThat(upgrade.statusCode()).as(upgrade.body()).isEqualTo(202);
        JsonNode upgraded = jobs.awaitState(id, "RUNNING", 2);
        String upgradedJobId = upgraded.path("flinkJobId").asText();
        ApplicationReport third = taggedApplication(upgradedJobId);
        assertThat(third.getApplicationId()).isNotEqualTo(second.getApplicationId());
        awaitApplicationState(second.getApplicationId().toString(), YarnApplicationState.FINISHED);
        long beforeUpgrade = CountTables.count(table).orElseThrow();
        assertThat(CountTables.awaitChange(table, beforeUpgrade)).as("the upgraded version carries the count on")
                .isGreaterThan(beforeUpgrade);

        // Killed from outside: the job's state says so.
        yarnClient.killApplication(third.getApplicationId());
        JsonNode failed = jobs.awaitState(id, "FAILED");
        assertThat(failed.path("lastError").asText()).contains("KILLED");
    }

    @Test
    void aJobInPerJobModeRunsInAYarnApplicationOfItsOwnAndIsCanceled() throws Exception {
        JsonNode cluster = register("yarn-per-job-it", "yarn-per-job", yarn.clusterSettings(), 201);
        String clusterId = cluster.path("id").asText();
        String table = CountTables.create("yarn_per_job_counts");
        String id = jobs.promote("running-count-yarn-per-job", clusterId, table, null);
        JsonNode deployed = ok(server.post("/api/v1/jobs/" + id + "/deploy", "{}"));
        assertThat(deployed.path("state").asText()).isEqualTo("RUNNING");
        ApplicationReport application = taggedApplication(deployed.path("flinkJobId").asText());
        CountTables.awaitAtLeast(table, 5);

        JsonNode canceled = ok(server.post("/api/v1/jobs/" + id + "/cancel", "{}"));
        assertThat(canceled.path("state").asText()).isEqualTo("CANCELED");
        awaitApplicationEnded(application.getApplicationId().toString());
    }

    @Test
    void mistakesAreClearErrorsNamingTheSettingAndLeaveNothingDeployed() throws Exception {
        int applicationsBefore = yarnClient.getApplications().size();
        JsonNode missing = error(register("no-conf", "yarn-session", Map.of(), 400));
        assertThat(missing.path("details").path("field").asText()).isEqualTo("hadoopConfDir");

        Map<String, String> noDirectory = new LinkedHashMap<>(yarn.clusterSettings());
        noDirectory.put("hadoopConfDir", "/no/such/hadoop/conf");
        JsonNode wrongPath = error(register("wrong-conf", "yarn-application", noDirectory, 400));
        assertThat(wrongPath.path("details").path("field").asText()).isEqualTo("hadoopConfDir");
        assertThat(wrongPath.path("message").asText()).contains("/no/such/hadoop/conf");

        Path unreachable = Files.createTempDirectory("tributary-unreachable-rm");
        Files.writeString(unreachable.resolve("yarn-site.xml"), "<configuration><property>"
                + "<name>yarn.resourcemanager.address</name><value>127.0.0.1:" + FreePorts.next() + "</value>"
                + "</property></configuration>");
        Map<String, String> unreachableSettings = new LinkedHashMap<>(yarn.clusterSettings());
        unreachableSettings.put("hadoopConfDir", unreachable.toString());
        long started = System.nanoTime();
        JsonNode noResourceManager = error(register("unreachable", "yarn-session", unreachableSettings, 400));
        assertThat(noResourceManager.path("details").path("field").asText()).isEqualTo("hadoopConfDir");
        assertThat(noResourceManager.path("message").asText()).contains("ResourceManager", "does not answer",
                "yarn.resourcemanager.address");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));

        Map<String, String> unknownApplication = new LinkedHashMap<>(yarn.clusterSettings());
        unknownApplication.put("applicationId", "application_1700000000000_9999");
        JsonNode noApplication = error(register("unknown-application", "yarn-session", unknownApplication, 400));
        assertThat(noApplication.path("details").path("field").asText()).isEqualTo("applicationId");
        assertThat(noApplication.path("message").asText()).contains("application_1700000000000_9999");

        Map<String, String> applicationIdOnApplicationMode = new LinkedHashMap<>(yarn.clusterSettings());
        applicationIdOnApplicationMode.put("applicationId", "application_1700000000000_0001");
        assertThat(error(register("app-with-id", "yarn-application", applicationIdOnApplicationMode, 400))
                .path("details").path("field").asText()).isEqualTo("applicationId");

        Map<String, String> typo = new LinkedHashMap<>(yarn.clusterSettings());
        typo.put("queueName", "default");
        assertThat(error(register("typo", "yarn-session", typo, 400)).path("details").path("field").asText())
                .isEqualTo("queueName");

        Map<String, Object> withRestAddress = new LinkedHashMap<>();
        withRestAddress.put("name", "rest");
        withRestAddress.put("kind", "yarn-session");
        withRestAddress.put("restAddress", "http://127.0.0.1:8081");
        withRestAddress.put("settings", yarn.clusterSettings());
        HttpResponse<String> rest = server.post("/api/v1/clusters", JSON.writeValueAsString(withRestAddress));
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rest.body()).path("details").path("field").asText()).isEqualTo("restAddress");

        assertThat(yarnClient.getApplications()).as("no YARN application was started").hasSize(applicationsBefore);
        assertThat(JSON.readTree(server.get("/api/v1/clusters").body()).findValuesAsText("name"))
                .doesNotContain("no-conf", "wrong-conf", "unreachable", "unknown-application", "app-with-id", "typo",
                        "rest");

        // A session whose JobManager cannot start: the deploy fails, and its application does not stay behind.
        Map<String, String> broken = new LinkedHashMap<>(yarn.clusterSettings());
        broken.put("flink.yarn.container-start-command-template", "exit 1");
        JsonNode failed = register("broken-session", "yarn-session", broken, 422);
        assertThat(failed.path("code").asText()).isEqualTo("DEPLOYMENT_FAILED");
        assertThat(failed.path("message").asText()).contains("broken-session");
        assertThat(yarnClient.getApplications(EnumSet.complementOf(EnumSet.of(YarnApplicationState.FINISHED,
                YarnApplicationState.FAILED, YarnApplicationState.KILLED))))
                .filteredOn(application -> application.getName().contains("broken-session")).isEmpty();
        assertThat(JSON.readTree(server.get("/api/v1/clusters").body()).findValuesAsText("name"))
                .doesNotContain("broken-session");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static JsonNode register(String name, String kind, Map<String, String> settings, int status)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("settings", settings);
        HttpResponse<String> response = server.post("/api/v1/clusters", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static JsonNode error(JsonNode body) {
        assertThat(body.path("code").asText()).isEqualTo("INVALID_REQUEST");
        return body;
    }

    private static ApplicationReport taggedApplication(String flinkJobId) throws Exception {
        List<ApplicationReport> tagged = yarnClient.getApplications(java.util.Set.of("Apache Flink"),
                EnumSet.allOf(YarnApplicationState.class),
                java.util.Set.of("tributary-flink-job-" + flinkJobId));
        assertThat(tagged).as("the YARN application of Flink job " + flinkJobId).hasSize(1);
        return tagged.get(0);
    }

    private static void awaitApplicationEnded(String applicationId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.KILLED, YarnApplicationState.FAILED)
                    .contains(state(applicationId))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("YARN application " + applicationId + " is still " + state(applicationId));
    }

    private static void awaitClusterJob(String clusterId, String flinkJobId, String state) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode jobs = null;
        while (System.nanoTime() < deadline) {
            jobs = JSON.readTree(server.get("/api/v1/clusters/" + clusterId + "/jobs").body());
            for (JsonNode job : jobs) {
                if (job.toString().contains(flinkJobId) && job.toString().contains("\"" + state + "\"")) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("cluster " + clusterId + " does not list job " + flinkJobId + " as " + state + ": "
                + jobs);
    }

    private static YarnApplicationState state(String applicationId) throws Exception {
        return yarnClient.getApplicationReport(ApplicationId.fromString(applicationId)).getYarnApplicationState();
    }

    private static void awaitApplicationState(String applicationId, YarnApplicationState wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (state(applicationId) == wanted) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("YARN application " + applicationId + " is " + state(applicationId) + ", not "
                + wanted);
    }

}
