package io.tributary.alert;

import static io.tributary.job.schema.Tables.ALERT;
import static io.tributary.job.schema.Tables.ALERT_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.AlertChannelInUseException;
import io.tributary.alert.channel.AlertChannelNameTakenException;
import io.tributary.alert.testing.AlertStore;
import io.tributary.job.JobState;
import io.tributary.job.JobVersion;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.event.WatchEvents;
import io.tributary.job.StateChangeListener;
import io.tributary.metadata.MetadataDatabaseKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules and the outbox on H2 and MariaDB: a job's state change and its alert are written in one transaction (both
 * or neither), rules match by event, scope and threshold, mute windows keep alerts without sending them, and
 * channel secrets are encrypted at rest.
 */
class AlertPipelineIT {

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aJobThatFailsHasItsAlertInTheOutboxFromTheSameTransaction(MetadataDatabaseKind kind) {
        try (AlertStore store = AlertStore.create(kind)) {
            AlertChannel hook = store.channel("hook", "webhook", Map.of("url", "http://127.0.0.1:9/hook"), null);
            store.everyFailureTo(hook);
            ManagedJobRepository jobs = jobs(store, new JobStateAlerts(store.pipeline));
            ManagedJob job = running(jobs, "orders-to-lake");

            ManagedJob failed = jobs.applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.FAILED,
                    "tributary", "Flink reports FAILED").withError("java.lang.NumberFormatException: abc")).orElseThrow();

            List<AlertHistory.Entry> alerts = store.history.recent(10, Optional.empty(), Optional.empty());
            assertThat(alerts).hasSize(1);
            Alert alert = alerts.get(0).alert();
            assertThat(alert.event()).isEqualTo(AlertEventType.JOB_FAILED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(alert.jobName()).contains("orders-to-lake");
            assertThat(alert.clusterName()).contains("embedded");
            assertThat(alert.reason()).isEqualTo("java.lang.NumberFormatException: abc");
            assertThat(alert.occurredAt()).isEqualTo(failed.stateChangedAt());
            assertThat(alert.links()).containsEntry("tributary", "http://127.0.0.1:8080/api/v1/jobs/" + job.id())
                    .containsEntry("flink", "http://127.0.0.1:8081/#/job/completed/" + job.flinkJobId().orElseThrow()
                            + "/overview");
            assertThat(alerts.get(0).deliveries()).singleElement().satisfies(delivery -> {
                assertThat(delivery.channelId()).isEqualTo(hook.id());
                assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(delivery.attempts()).isZero();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void whenTheStateChangeRollsBackItsAlertDoesToo(MetadataDatabaseKind kind) {
        try (AlertStore store = AlertStore.create(kind)) {
            AlertChannel hook = store.channel("hook", "webhook", Map.of("url", "http://127.0.0.1:9/hook"), null);
            store.everyFailureTo(hook);
            JobStateAlerts alerts = new JobStateAlerts(store.pipeline);
            StateChangeListener failsAfterTheAlert = (transaction, job, change) -> {
                alerts.onStateChange(transaction, job, change);
                assertThat(transaction.fetchCount(ALERT)).as("written, in the transaction").isEqualTo(1);
                throw new IllegalStateException("the transaction dies after the alert was written");
            };
            ManagedJobRepository plain = jobs(store, StateChangeListener.NONE);
            ManagedJob job = running(plain, "doomed");
            ManagedJobRepository jobs = jobs(store, failsAfterTheAlert);

            assertThatThrownBy(() -> jobs.applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.FAILED,
                    "tributary", "failed"))).hasMessageContaining("the transaction dies");

            assertThat(plain.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
            assertThat(store.database().dsl().fetchCount(ALERT)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void rulesMatchByEventScopeAndThresholdAndMutedChannelsKeepTheAlertUnsent(MetadataDatabaseKind kind) {
        try (AlertStore store = AlertStore.create(kind)) {
            AlertChannel oncall = store.channel("oncall", "webhook", Map.of("url", "http://127.0.0.1:9/a"), null);
            AlertChannel team = store.channel("team", "slack", Map.of("url", "http://127.0.0.1:9/b"), null);
            AlertChannel night = store.channel("night", "wecom", Map.of("url", "http://127.0.0.1:9/c"), null);
            ManagedJobRepository jobs = jobs(store, new JobStateAlerts(store.pipeline));
            ManagedJob watched = running(jobs, "watched");
            ManagedJob other = running(jobs, "other");
            Instant now = Instant.now();
            rule(store, new NewAlertRule("only watched", "JOB_FAILED", watched.id(), null, List.of(team.id()),
                    "WARNING", null, null, null));
            rule(store, new NewAlertRule("everything", "job_failed", null, null, List.of(oncall.id()), null, null,
                    null, null));
            LocalTime hourAgo = LocalTime.ofInstant(now.minus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
            LocalTime inAnHour = LocalTime.ofInstant(now.plus(1, ChronoUnit.HOURS), ZoneOffset.UTC);
            rule(store, new NewAlertRule("muted at night", "JOB_FAILED", null, "embedded", List.of(night.id()),
                    null, null, null, List.of(Map.of("from", hourAgo.truncatedTo(ChronoUnit.MINUTES).toString(),
                    "to", inAnHour.truncatedTo(ChronoUnit.MINUTES).toString(), "timeZone", "UTC"))));
            rule(store, new NewAlertRule("restarts", "JOB_RESTARTING_TOO_OFTEN", null, null, List.of(oncall.id()),
                    null, 2, 10, null));
            rule(store, new NewAlertRule("back", "JOB_RUNNING_AGAIN", watched.id(), null, List.of(team.id()), null,
                    null, null, null));

            jobs.applyChange(other.id(), StateChange.of(JobState.RUNNING, JobState.FAILED, "t", "x"));
            Alert otherFailed = latest(store).alert();
            assertThat(otherFailed.jobName()).contains("other");
            assertThat(otherFailed.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(deliveries(store)).containsExactlyInAnyOrderEntriesOf(Map.of(oncall.id(),
                    DeliveryStatus.PENDING, night.id(), DeliveryStatus.MUTED));

            jobs.applyChange(watched.id(), StateChange.of(JobState.RUNNING, JobState.FAILED, "t", "x"));
            assertThat(latest(store).alert().severity()).as("the highest of the matching rules")
                    .isEqualTo(AlertSeverity.CRITICAL);
            assertThat(deliveries(store)).containsOnlyKeys(oncall.id(), team.id(), night.id());

            jobs.applyChange(watched.id(), StateChange.of(JobState.FAILED, JobState.DEPLOYING, "t", "deploy again"));
            jobs.applyChange(watched.id(), StateChange.of(JobState.DEPLOYING, JobState.RUNNING, "t", "submitted"));
            assertThat(latest(store).alert().event()).as("running again after the failure")
                    .isEqualTo(AlertEventType.JOB_RUNNING_AGAIN);

            for (int i = 0; i < 2; i++) {
                restart(jobs, watched.id());
            }
            assertThat(count(store, AlertEventType.JOB_RESTARTING_TOO_OFTEN)).as("two restarts are not more than 2")
                    .isZero();
            assertThat(latest(store).alert().event()).as("each RESTARTING -> RUNNING is 'running again'")
                    .isEqualTo(AlertEventType.JOB_RUNNING_AGAIN);
            jobs.applyChange(watched.id(), StateChange.of(JobState.RUNNING, JobState.RESTARTING, "t", "restarting"));
            Alert restarting = latest(store).alert();
            assertThat(restarting.event()).isEqualTo(AlertEventType.JOB_RESTARTING_TOO_OFTEN);
            assertThat(restarting.count()).hasValue(3);
            assertThat(restarting.headline()).isEqualTo("job 'watched' is restarting too often (3 restarts)");
            jobs.applyChange(watched.id(), StateChange.of(JobState.RESTARTING, JobState.RUNNING, "t", "running"));
            restart(jobs, watched.id());
            assertThat(count(store, AlertEventType.JOB_RESTARTING_TOO_OFTEN))
                    .as("one alert per window, not one per restart").isEqualTo(1);

            jobs.applyChange(watched.id(), StateChange.of(JobState.RUNNING, JobState.LOST, "t", "no answer"));
            jobs.applyChange(watched.id(), StateChange.of(JobState.LOST, JobState.RUNNING, "t", "answers again"));
            assertThat(latest(store).alert().event()).isEqualTo(AlertEventType.JOB_RUNNING_AGAIN);
            assertThat(latest(store).alert().severity()).isEqualTo(AlertSeverity.INFO);
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aFailedSavepointALostJobAndAutomaticRedeploysRaiseTheirEvents(MetadataDatabaseKind kind) {
        try (AlertStore store = AlertStore.create(kind)) {
            AlertChannel hook = store.channel("hook", "webhook", Map.of("url", "http://127.0.0.1:9/a"), null);
            for (String event : List.of("SAVEPOINT_FAILED", "JOB_LOST")) {
                rule(store, new NewAlertRule(null, event, null, null, List.of(hook.id()), null, null, null, null));
            }
            rule(store, new NewAlertRule(null, "JOB_RESTARTING_TOO_OFTEN", null, null, List.of(hook.id()), null, 1,
                    5, null));
            ManagedJobRepository jobs = jobs(store, new JobStateAlerts(store.pipeline));
            ManagedJob job = running(jobs, "stoppable");

            jobs.applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.SAVEPOINTING, "alice", "stop"));
            jobs.applyChange(job.id(), StateChange.of(JobState.SAVEPOINTING, JobState.RUNNING, "alice",
                    "not stopped").withError("stop with savepoint did not complete within PT10M"));
            Alert savepoint = latest(store).alert();
            assertThat(savepoint.event()).isEqualTo(AlertEventType.SAVEPOINT_FAILED);
            assertThat(savepoint.reason()).isEqualTo("stop with savepoint did not complete within PT10M");

            jobs.applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.LOST, "watcher",
                    "cluster embedded does not answer").withError("cluster embedded does not answer"));
            assertThat(latest(store).alert().event()).isEqualTo(AlertEventType.JOB_LOST);
            assertThat(latest(store).alert().severity()).isEqualTo(AlertSeverity.CRITICAL);

            jobs.applyChange(job.id(), StateChange.of(JobState.LOST, JobState.FAILED, "watcher", "gone"));
            jobs.applyChange(job.id(), StateChange.of(JobState.FAILED, JobState.DEPLOYING,
                    "tributary (automatic restart)", "automatic restart").asAutoRestart());
            assertThat(count(store, AlertEventType.JOB_RESTARTING_TOO_OFTEN)).as("one restart is not more than 1")
                    .isZero();
            jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.FAILED, "tributary", "failed"));
            jobs.applyChange(job.id(), StateChange.of(JobState.FAILED, JobState.DEPLOYING,
                    "tributary (automatic restart)", "automatic restart").asAutoRestart());
            Alert restarting = latest(store).alert();
            assertThat(restarting.event()).isEqualTo(AlertEventType.JOB_RESTARTING_TOO_OFTEN);
            assertThat(restarting.count()).hasValue(2);
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void checkpointFailuresAlertWhenTheyCrossTheThresholdAndClusterEventsByScope(MetadataDatabaseKind kind) {
        try (AlertStore store = AlertStore.create(kind)) {
            AlertChannel hook = store.channel("hook", "webhook", Map.of("url", "http://127.0.0.1:9/a"), null);
            rule(store, new NewAlertRule(null, "CHECKPOINTS_FAILING", null, null, List.of(hook.id()), null, 3, null,
                    null));
            rule(store, new NewAlertRule(null, "CLUSTER_LOST", null, "yarn-a", List.of(hook.id()), null, null, null,
                    null));
            int raised = 0;
            for (int failures : new int[] {1, 2, 3, 4, 5, 1, 2, 3, 1, 6}) {
                Optional<String> alert = store.pipeline.publish(AlertEvent.ofJob(AlertEventType.CHECKPOINTS_FAILING,
                        "job-1", "orders", "embedded", Optional.empty(), failures + " checkpoints failed",
                        Instant.now()).withCount(failures));
                raised += alert.isPresent() ? 1 : 0;
            }
            assertThat(raised).as("at 3, at 3 again after a success, and at 6 after one").isEqualTo(3);
            assertThat(latest(store).alert().headline()).isEqualTo("job 'orders' keeps failing its checkpoints"
                    + " (6 in a row)");

            assertThat(store.pipeline.publish(AlertEvent.ofCluster(AlertEventType.CLUSTER_LOST, "yarn-b", "b",
                    "no answer", Instant.now()))).isEmpty();
            assertThat(store.pipeline.publish(AlertEvent.ofCluster(AlertEventType.CLUSTER_LOST, "yarn-a", "YARN A",
                    "3 polls without an answer", Instant.now()))).isPresent();
            Alert lost = latest(store).alert();
            assertThat(lost.headline()).isEqualTo("cluster 'YARN A' is lost");
            assertThat(lost.links()).containsEntry("tributary", "http://127.0.0.1:8080/api/v1/clusters/yarn-a");
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void channelSecretsAreEncryptedAtRestAndAChannelInUseCannotBeDeleted(MetadataDatabaseKind kind) {
        try (AlertStore store = AlertStore.create(kind)) {
            AlertChannel ding = store.channel("ding", "dingtalk", Map.of("url",
                    "https://oapi.dingtalk.com/robot/send?access_token=tok-123", "secret", "SEC-very-secret"), 10);
            String stored = store.database().dsl().select(ALERT_CHANNEL.SECRETS_JSON).from(ALERT_CHANNEL)
                    .fetchOne(ALERT_CHANNEL.SECRETS_JSON);
            assertThat(stored).contains("v1:").doesNotContain("tok-123").doesNotContain("SEC-very-secret");
            AlertChannel read = store.channels.find(ding.id()).orElseThrow();
            assertThat(read.setting("secret")).contains("SEC-very-secret");
            assertThat(read.setting("url")).contains("https://oapi.dingtalk.com/robot/send?access_token=tok-123");
            assertThat(read.rateLimitPerMinute()).hasValue(10);
            assertThat(read.toString()).doesNotContain("tok-123").doesNotContain("SEC-very-secret");

            assertThatThrownBy(() -> store.channel("ding", "slack", Map.of("url", "https://hooks.slack.com/x"), null))
                    .isInstanceOf(AlertChannelNameTakenException.class);
            assertThatThrownBy(() -> store.channel("bad", "pager", Map.of(), null))
                    .isInstanceOfSatisfying(InvalidAlertDefinitionException.class,
                            e -> assertThat(e.field()).isEqualTo("type"));
            assertThatThrownBy(() -> store.channel("bad", "email", Map.of("host", "smtp", "from", "a@b.c",
                    "to", "not an address"), null))
                    .isInstanceOfSatisfying(InvalidAlertDefinitionException.class,
                            e -> assertThat(e.field()).isEqualTo("to"));

            store.everyFailureTo(ding);
            store.fail(1);
            assertThatThrownBy(() -> store.channels.delete(ding.id())).isInstanceOf(AlertChannelInUseException.class);
            for (AlertRule rule : store.rules.list()) {
                store.rules.delete(rule.id());
            }
            assertThat(store.channels.delete(ding.id())).isTrue();
            AlertHistory.Delivery orphan = latest(store).deliveries().get(0);
            assertThat(orphan.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(orphan.lastError()).contains("the channel was deleted before it accepted the alert");
        }
    }

    private static void rule(AlertStore store, NewAlertRule rule) {
        store.rules.create(rule.toRule("test", Instant.now()));
    }

    private static void restart(ManagedJobRepository jobs, String id) {
        jobs.applyChange(id, StateChange.of(JobState.RUNNING, JobState.RESTARTING, "t", "Flink reports RESTARTING"));
        jobs.applyChange(id, StateChange.of(JobState.RESTARTING, JobState.RUNNING, "t", "Flink reports RUNNING"));
    }

    private static AlertHistory.Entry latest(AlertStore store) {
        return store.history.recent(1, Optional.empty(), Optional.empty()).get(0);
    }

    private static int count(AlertStore store, AlertEventType type) {
        return store.database().dsl().fetchCount(ALERT, ALERT.EVENT_TYPE.eq(type.name()));
    }

    private static Map<String, DeliveryStatus> deliveries(AlertStore store) {
        Map<String, DeliveryStatus> statuses = new java.util.HashMap<>();
        latest(store).deliveries().forEach(delivery -> statuses.put(delivery.channelId(), delivery.status()));
        return statuses;
    }

    private static ManagedJobRepository jobs(AlertStore store, StateChangeListener listener) {
        return new ManagedJobRepository(store.database().dsl(), new JobVersionRepository(store.database().dsl()),
                Clock.systemUTC(), new WatchEvents(), listener);
    }

    /** A job stored and brought to RUNNING (via DEPLOYING) with a Flink job id. */
    private static ManagedJob running(ManagedJobRepository jobs, String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ManagedJob job = new ManagedJob(UUID.randomUUID().toString(), name, "embedded", JobState.CREATED, 1,
                Optional.empty(), Optional.empty(), ManagedJob.AutoRestart.OFF, 0, Optional.empty(), "test", now, now);
        jobs.create(job, new JobVersion(job.id(), 1, "INSERT INTO sink SELECT 1", "default_catalog",
                "default_database", Map.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                "test", now));
        jobs.applyChange(job.id(), StateChange.of(JobState.CREATED, JobState.DEPLOYING, "test", "deploy"));
        return jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.RUNNING, "test", "submitted")
                .withFlinkJobId(UUID.randomUUID().toString().replace("-", ""))).orElseThrow();
    }
}
