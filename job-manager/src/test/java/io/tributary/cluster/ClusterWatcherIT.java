package io.tributary.cluster;

import static io.tributary.job.schema.Tables.MANAGED_JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.event.ClusterHealthChanged;
import io.tributary.event.EventType;
import io.tributary.event.JobStateChanged;
import io.tributary.event.RecentEvents;
import io.tributary.event.WatchEvent;
import io.tributary.event.WatchEventListener;
import io.tributary.event.WatchEvents;
import io.tributary.job.JobSchema;
import io.tributary.job.JobState;
import io.tributary.job.JobVersion;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.job.lifecycle.JobDeployer;
import io.tributary.job.lifecycle.JobReconciler;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataSchema;
import io.tributary.metadata.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cluster watcher on a real metadata database with clusters in memory ({@link FakeCluster}): one request per
 * cluster per poll, managed and unmanaged jobs, health rules, LOST and RECOVERED, events after the database.
 */
class ClusterWatcherIT {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private TestDatabase database;
    private MutableClock clock;
    private WatchEvents events;
    private Recorder recorder;
    private ManagedJobRepository jobs;
    private ClusterRegistry registry;
    private final FakeCluster embedded = new FakeCluster("embedded");
    private final Map<URI, FakeCluster> remote = new ConcurrentHashMap<>();
    private ClusterHealthRepository health;
    private ClusterWatcher watcher;

    @BeforeEach
    void start() {
        database = TestDatabase.h2().migrate(List.of(MetadataSchema.CATALOG_SERVICE, JobSchema.SCHEMA));
        open(database);
    }

    private void open(TestDatabase on) {
        clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        events = new WatchEvents();
        recorder = new Recorder(on.dsl());
        events.register(recorder);
        JobVersionRepository versions = new JobVersionRepository(on.dsl());
        jobs = new ManagedJobRepository(on.dsl(), versions, clock, events);
        ClusterDefinition embeddedCluster = new ClusterDefinition("embedded", "embedded", ClusterKind.EMBEDDED,
                Optional.of(URI.create("http://127.0.0.1:8081")), Map.of(), "tributary", clock.instant());
        registry = new ClusterRegistry(new ClusterRepository(on.dsl()), jobs, embeddedCluster, embedded,
                List.of(new FakeConnector()), clock);
        JobReconciler reconciler = new JobReconciler(jobs, registry, new JobDeployer(jobs, versions, registry));
        health = new ClusterHealthRepository(on.dsl(), events);
        watcher = new ClusterWatcher(registry, jobs, new ClusterJobQueries(on.dsl()), reconciler, health,
                new ClusterWatchSettings(INTERVAL, 4, 5, 3, Duration.ofSeconds(30), Duration.ofSeconds(3), 2), clock);
    }

    @AfterEach
    void stop() {
        watcher.close();
        database.close();
    }

    @Test
    void countsEveryJobTellsManagedFromUnmanagedAndAsksOncePerPoll() {
        embedded.job("aaaa", "ad-hoc query", "FINISHED");
        Registered cluster = register("lake", "http://10.0.0.5:8081");
        ManagedJob orders = runningJob("orders", cluster.id(), "f1000000000000000000000000000001");
        ManagedJob previous = jobs.applyChange(runningJob("clicks", cluster.id(), "f2000000000000000000000000000001")
                .id(), StateChange.of(JobState.RUNNING, JobState.CANCELED, "alice", "canceled")).orElseThrow();
        redeploy(previous, "f2000000000000000000000000000002");
        cluster.fake().job("f1000000000000000000000000000001", "orders", "RUNNING")
                .job("f2000000000000000000000000000001", "clicks", "CANCELED")
                .job("f2000000000000000000000000000002", "clicks", "RUNNING")
                .job("u0000000000000000000000000000001", "someone else's", "RUNNING")
                .job("u0000000000000000000000000000002", "a finished batch", "FINISHED")
                .job("u0000000000000000000000000000003", "a failed batch", "FAILED")
                .resources(2, 8, 5);
        recorder.events.clear();

        List<ClusterPoll> first = watcher.pollAll().join();
        assertThat(first).hasSize(2).allMatch(ClusterPoll::answered);
        assertThat(first).extracting(ClusterPoll::requests).as("/jobs/overview and, the first time, /overview")
                .containsOnly(2);

        ClusterStatus status = watcher.status(cluster.id()).orElseThrow();
        assertThat(status.health()).isEqualTo(ClusterHealth.UP);
        assertThat(status.jobCounts()).isEqualTo(new JobCounts(6, 3, 1, 1, 1, 3, 3));
        assertThat(status.resources()).contains(new ClusterResources(2, 8, 5, "1.20.0"));
        assertThat(status.jobs()).filteredOn(job -> job.flink().flinkJobId().startsWith("f2"))
                .extracting(job -> job.managed().map(ClusterJob.ManagedJobRef::name).orElse("unmanaged"))
                .as("an earlier deployment of a managed job is still that job's")
                .containsOnly("clicks");
        assertThat(status.jobs()).filteredOn(job -> job.flink().flinkJobId().startsWith("u"))
                .allMatch(job -> job.managed().isEmpty());
        assertThat(watcher.status("embedded").orElseThrow().jobCounts().all()).isEqualTo(1);
        assertThat(jobs.find(orders.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        for (int poll = 2; poll <= 5; poll++) {
            assertThat(watcher.pollAll().join()).extracting(ClusterPoll::requests)
                    .as("poll %d: only /jobs/overview while nothing changes", poll).containsOnly(1);
        }
        assertThat(watcher.pollAll().join()).extracting(ClusterPoll::requests)
                .as("every 5th poll reads /overview again").containsOnly(2);
        cluster.fake().job("u0000000000000000000000000000004", "another", "RUNNING");
        assertThat(watcher.pollAll().join()).filteredOn(poll -> poll.clusterId().equals(cluster.id()))
                .extracting(ClusterPoll::requests).as("jobs changed: slots may have too").containsOnly(2);
        assertThat(cluster.fake().jobsRequests.get()).isEqualTo(7);
        assertThat(recorder.events).as("nothing changed state").isEmpty();
    }

    @Test
    void aJobThatFailsIsStoredFirstThenPublished() {
        Registered cluster = register("lake", "http://10.0.0.5:8081");
        ManagedJob job = runningJob("orders", cluster.id(), "f1000000000000000000000000000001");
        recorder.events.clear();
        cluster.fake().job("f1000000000000000000000000000001", "orders", "FAILED");

        List<ClusterPoll> polls = watcher.pollAll().join();

        assertThat(polls).flatExtracting(ClusterPoll::changedJobs).extracting(ManagedJob::state)
                .containsExactly(JobState.FAILED);
        assertThat(recorder.events).extracting(Recorded::phase, recorded -> recorded.event().type())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("inTransaction", EventType.JOB_FAILED),
                        org.assertj.core.groups.Tuple.tuple("afterCommit", EventType.JOB_FAILED));
        assertThat(recorder.events).extracting(Recorded::storedState)
                .as("the state is in the database (in the transaction, then committed) before each step")
                .containsExactly("FAILED", "FAILED");
        JobStateChanged changed = (JobStateChanged) recorder.events.get(1).event();
        assertThat(changed.job().id()).isEqualTo(job.id());
        assertThat(changed.from()).isEqualTo(JobState.RUNNING);
        assertThat(changed.reason()).contains("FAILED");
        assertThat(changed.job().lastError()).isPresent();
    }

    @Test
    void aClusterIsLostAfterTheConfiguredFailedPollsBacksOffAndRecovers() {
        Registered cluster = register("lake", "http://10.0.0.5:8081");
        ManagedJob job = runningJob("orders", cluster.id(), "f1000000000000000000000000000001");
        cluster.fake().job("f1000000000000000000000000000001", "orders", "RUNNING");
        watcher.pollAll().join();
        recorder.events.clear();

        cluster.fake().down("GET http://10.0.0.5:8081/jobs/overview: connection refused");
        for (int failed = 1; failed <= 2; failed++) {
            watcher.pollAll().join();
            ClusterStatus status = watcher.status(cluster.id()).orElseThrow();
            assertThat(status.health()).as("after %d failed polls", failed).isEqualTo(ClusterHealth.UP);
            assertThat(status.consecutiveFailedPolls()).isEqualTo(failed);
            assertThat(status.lastError()).contains("GET http://10.0.0.5:8081/jobs/overview: connection refused");
            assertThat(jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        }
        Instant lostAt = clock.instant();
        watcher.pollAll().join();

        ClusterStatus lost = watcher.status(cluster.id()).orElseThrow();
        assertThat(lost.health()).isEqualTo(ClusterHealth.LOST);
        assertThat(lost.healthSince()).contains(lostAt);
        assertThat(lost.healthReason().orElseThrow()).contains("3 polls in a row failed")
                .contains("connection refused");
        assertThat(lost.pollInterval()).as("backs off once LOST").isEqualTo(INTERVAL.multipliedBy(2));
        assertThat(jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.LOST);
        assertThat(committedTypes()).containsExactly(EventType.CLUSTER_LOST, EventType.JOB_LOST);
        ClusterHealthChanged change = (ClusterHealthChanged) committed().get(0);
        assertThat(change.activeJobs()).isEqualTo(1);
        assertThat(health.history(cluster.id(), 10)).extracting(ClusterHealthChanged::to)
                .containsExactly(ClusterHealth.LOST);

        watcher.pollAll().join();
        assertThat(watcher.status(cluster.id()).orElseThrow().pollInterval()).isEqualTo(INTERVAL.multipliedBy(4));
        for (int i = 0; i < 6; i++) {
            watcher.pollAll().join();
        }
        assertThat(watcher.status(cluster.id()).orElseThrow().pollInterval()).as("at most max-backoff")
                .isEqualTo(Duration.ofSeconds(30));

        cluster.fake().down(null);
        clock.advance(Duration.ofSeconds(30));
        watcher.pollAll().join();
        ClusterStatus recovered = watcher.status(cluster.id()).orElseThrow();
        assertThat(recovered.health()).isEqualTo(ClusterHealth.UP);
        assertThat(recovered.consecutiveFailedPolls()).isZero();
        assertThat(recovered.pollInterval()).isEqualTo(INTERVAL);
        assertThat(jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        assertThat(committedTypes()).containsExactly(EventType.CLUSTER_LOST, EventType.JOB_LOST,
                EventType.CLUSTER_RECOVERED, EventType.JOB_RUNNING_AGAIN);
        assertThat(health.history(cluster.id(), 10)).extracting(ClusterHealthChanged::to)
                .containsExactly(ClusterHealth.UP, ClusterHealth.LOST);
    }

    @Test
    void noTaskManagerOrAMissingOverviewIsDegraded() {
        Registered cluster = register("lake", "http://10.0.0.5:8081");
        watcher.pollAll().join();
        recorder.events.clear();

        cluster.fake().resources(0, 0, 0);
        // Its jobs did not change: /overview is read again within overview-every-polls (5) polls.
        for (int i = 0; i < 5 && watcher.status(cluster.id()).orElseThrow().health() == ClusterHealth.UP; i++) {
            watcher.pollAll().join();
        }
        ClusterStatus degraded = watcher.status(cluster.id()).orElseThrow();
        assertThat(degraded.health()).isEqualTo(ClusterHealth.DEGRADED);
        assertThat(degraded.healthReason()).contains("no TaskManager is registered (0 task slots)");

        cluster.fake().resources(1, 4, 4).overviewDown("GET /overview answered 500");
        watcher.pollAll().join();
        assertThat(watcher.status(cluster.id()).orElseThrow().healthReason().orElseThrow())
                .contains("answers /jobs/overview but not /overview");

        cluster.fake().overviewDown(null);
        watcher.pollAll().join();
        assertThat(watcher.status(cluster.id()).orElseThrow().health()).isEqualTo(ClusterHealth.UP);
        assertThat(committedTypes()).containsExactly(EventType.CLUSTER_DEGRADED, EventType.CLUSTER_RECOVERED);
    }

    @Test
    void aClusterWithAnOperationInFlightIsPolledFaster() {
        Registered busy = register("busy", "http://10.0.0.5:8081");
        Registered quiet = register("quiet", "http://10.0.0.6:8081");
        ManagedJob job = runningJob("orders", busy.id(), "f1000000000000000000000000000001");
        busy.fake().job("f1000000000000000000000000000001", "orders", "RUNNING");
        jobs.applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.SAVEPOINTING, "alice", "stop"));
        watcher.tick().join();
        int busyBefore = busy.fake().jobsRequests.get();
        int quietBefore = quiet.fake().jobsRequests.get();

        for (int tick = 0; tick < 4; tick++) {
            clock.advance(watcher.tickInterval());
            watcher.tick().join();
        }

        assertThat(watcher.tickInterval()).isEqualTo(INTERVAL.dividedBy(4));
        assertThat(busy.fake().jobsRequests.get() - busyBefore).as("every tick while SAVEPOINTING").isEqualTo(4);
        assertThat(quiet.fake().jobsRequests.get() - quietBefore).as("once per interval").isEqualTo(1);
        assertThat(watcher.status(busy.id()).orElseThrow().pollInterval()).isEqualTo(INTERVAL.dividedBy(4));
    }

    @Test
    void theLastRecordedHealthSurvivesARestartAndRecoveringFromItIsAnEvent() {
        Registered cluster = register("lake", "http://10.0.0.5:8081");
        cluster.fake().down("connection refused");
        for (int i = 0; i < 3; i++) {
            watcher.pollAll().join();
        }
        assertThat(watcher.status(cluster.id()).orElseThrow().health()).isEqualTo(ClusterHealth.LOST);
        watcher.close();

        open(database);
        remote.values().forEach(fake -> fake.down(null));
        ClusterStatus afterRestart = watcher.status(cluster.id()).orElseThrow();
        assertThat(afterRestart.health()).isEqualTo(ClusterHealth.LOST);
        assertThat(afterRestart.healthSince()).isPresent();
        watcher.pollAll().join();
        assertThat(watcher.status(cluster.id()).orElseThrow().health()).isEqualTo(ClusterHealth.UP);
        assertThat(committedTypes()).containsExactly(EventType.CLUSTER_RECOVERED);
    }

    @Test
    void onlyRegistrableKindsCanBeRegisteredAndTheOthersSayWhenTheyArrive() {
        assertThatThrownBy(() -> registry.register("yarn", "yarn-session", null, Map.of("applicationId", "x"), "a"))
                .isInstanceOf(InvalidClusterException.class)
                .hasMessage("kind: not available in this build: YARN session clusters arrive with the YARN"
                        + " deployment target");
        assertThatThrownBy(() -> registry.register("k8s", "kubernetes-session", null, Map.of(), "a"))
                .hasMessage("kind: not available in this build: Kubernetes session clusters arrive with the"
                        + " Kubernetes deployment target");
        assertThatThrownBy(() -> registry.register("x", "embedded", "http://1.2.3.4:5", "a"))
                .isInstanceOf(InvalidClusterException.class).hasMessageContaining("registrable kinds: [standalone]");
        assertThatThrownBy(() -> registry.register(" ", "standalone", "http://1.2.3.4:5", "a"))
                .isInstanceOf(InvalidClusterException.class).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> registry.register("x", "standalone", "ftp://1.2.3.4:5", "a"))
                .isInstanceOf(InvalidClusterException.class).extracting("field").isEqualTo("restAddress");

        Registered lake = register("lake", "http://10.0.0.5:8081");
        FakeCluster moved = new FakeCluster(lake.id());
        remote.put(URI.create("http://10.0.0.9:8081"), moved);
        ClusterDefinition edited = registry.edit(lake.id(), "lake-2", "10.0.0.9:8081", null).orElseThrow();
        assertThat(edited.name()).isEqualTo("lake-2");
        assertThat(edited.restAddress()).contains(URI.create("http://10.0.0.9:8081"));
        watcher.pollAll().join();
        assertThat(moved.jobsRequests.get()).as("the watcher follows the move").isEqualTo(1);
        moved.down("connection refused");
        assertThat(registry.edit(lake.id(), null, "http://10.0.0.5:8081", null)).isPresent();
        remote.get(URI.create("http://10.0.0.5:8081")).down("connection refused");
        assertThatThrownBy(() -> registry.edit(lake.id(), null, "http://10.0.0.9:8081", null))
                .isInstanceOf(io.tributary.job.deploy.ClusterUnavailableException.class);
        assertThat(registry.find(lake.id()).orElseThrow().restAddress())
                .as("a move to a cluster that does not answer changes nothing")
                .contains(URI.create("http://10.0.0.5:8081"));
        assertThat(registry.edit("no-such-cluster", "x", null, null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void healthChangesAreRecordedOnEveryMetadataDatabase(MetadataDatabaseKind kind) {
        try (TestDatabase on = TestDatabase.create(kind).migrate(List.of(MetadataSchema.CATALOG_SERVICE,
                JobSchema.SCHEMA))) {
            RecentEvents recent = new RecentEvents(10);
            WatchEvents published = new WatchEvents();
            published.register(recent);
            ClusterHealthRepository repository = new ClusterHealthRepository(on.dsl(), published);
            Instant at = Instant.parse("2026-11-24T10:00:00Z");
            repository.record(new ClusterHealthChanged("c1", "lake", "standalone", ClusterHealth.UP,
                    ClusterHealth.LOST, "connection refused", 12, at));
            repository.record(new ClusterHealthChanged("c1", "lake", "standalone", ClusterHealth.LOST,
                    ClusterHealth.UP, "answers", 12, at.plusSeconds(30)));
            repository.record(new ClusterHealthChanged("c2", "sea", "standalone", ClusterHealth.UNKNOWN,
                    ClusterHealth.DEGRADED, "no TaskManager", 0, at));

            assertThat(repository.latest()).hasSize(2);
            assertThat(repository.latest().get("c1").to()).isEqualTo(ClusterHealth.UP);
            assertThat(repository.history("c1", 10)).extracting(ClusterHealthChanged::type)
                    .containsExactly(EventType.CLUSTER_RECOVERED, EventType.CLUSTER_LOST);
            assertThat(recent.latest(2, event -> true)).extracting(WatchEvent::type)
                    .containsExactly(EventType.CLUSTER_DEGRADED, EventType.CLUSTER_RECOVERED);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A registered cluster: its id and the fake that answers for it. */
    private record Registered(String id, FakeCluster fake) {}

    private Registered register(String name, String address) {
        FakeCluster fake = new FakeCluster(name);
        remote.put(URI.create(address), fake);
        ClusterDefinition cluster = registry.register(name, "standalone", address, "alice");
        return new Registered(cluster.id(), fake);
    }

    private ManagedJob runningJob(String name, String clusterId, String flinkJobId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ManagedJob job = new ManagedJob(UUID.randomUUID().toString(), name, clusterId, JobState.CREATED, 1,
                Optional.empty(), Optional.empty(), ManagedJob.AutoRestart.OFF, 0, Optional.empty(), "alice", now, now);
        jobs.create(job, new JobVersion(job.id(), 1, "INSERT INTO sink SELECT * FROM source", "default_catalog",
                "default_database", Map.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                "alice", now));
        jobs.applyChange(job.id(), StateChange.of(JobState.CREATED, JobState.DEPLOYING, "alice", "deploy")
                .withFlinkJobId(flinkJobId));
        return jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.RUNNING, "alice", "submitted"))
                .orElseThrow();
    }

    private void redeploy(ManagedJob job, String flinkJobId) {
        jobs.applyChange(job.id(), StateChange.of(job.state(), JobState.DEPLOYING, "alice", "deploy")
                .withFlinkJobId(flinkJobId));
        jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.RUNNING, "alice", "submitted"));
    }

    private List<WatchEvent> committed() {
        return recorder.events.stream().filter(recorded -> recorded.phase().equals("afterCommit"))
                .map(Recorded::event).toList();
    }

    private List<EventType> committedTypes() {
        return committed().stream().map(WatchEvent::type).toList();
    }

    private final class FakeConnector implements ClusterConnector {
        @Override
        public ClusterKind kind() {
            return ClusterKind.STANDALONE;
        }

        @Override
        public ClusterLocation locate(String restAddress, Map<String, String> settings) {
            return new ClusterLocation(Optional.of(StandaloneClusterConnector.parseRestAddress(restAddress)), Map.of());
        }

        @Override
        public ClusterConnection connect(ClusterDefinition cluster) {
            FakeCluster fake = remote.get(cluster.restAddress().orElseThrow());
            if (fake == null) {
                throw new IllegalStateException("no fake cluster at " + cluster.restAddress());
            }
            return fake;
        }
    }

    private record Recorded(String phase, WatchEvent event, String storedState) {}

    /** Records each event with the state the database holds at that moment (in the transaction, or committed). */
    private static final class Recorder implements WatchEventListener {
        final List<Recorded> events = new CopyOnWriteArrayList<>();
        private final DSLContext committed;

        Recorder(DSLContext committed) {
            this.committed = committed;
        }

        @Override
        public void inTransaction(WatchEvent event, DSLContext transaction) {
            events.add(new Recorded("inTransaction", event, stateIn(transaction, event)));
        }

        @Override
        public void afterCommit(WatchEvent event) {
            events.add(new Recorded("afterCommit", event, stateIn(committed, event)));
        }

        private static String stateIn(DSLContext database, WatchEvent event) {
            if (event instanceof JobStateChanged changed) {
                return database.select(MANAGED_JOB.STATE).from(MANAGED_JOB)
                        .where(MANAGED_JOB.ID.eq(changed.job().id())).fetchOne(MANAGED_JOB.STATE);
            }
            return "";
        }
    }
}
