package io.tributary.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataSchema;
import io.tributary.metadata.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Managed jobs in the metadata database, on H2 and on MariaDB: versions, compare-and-set, transitions. */
class ManagedJobRepositoryIT {

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void storesJobsVersionsAndTransitions(MetadataDatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)
                .migrate(List.of(MetadataSchema.CATALOG_SERVICE, JobSchema.SCHEMA))) {
            JobVersionRepository versions = new JobVersionRepository(database.dsl());
            ManagedJobRepository jobs = new ManagedJobRepository(database.dsl(), versions, Clock.systemUTC());

            ManagedJob job = newJob("orders-to-lake");
            JobVersion first = version(job.id(), 1, "INSERT INTO lake SELECT * FROM orders");
            jobs.create(job, first);

            assertThat(jobs.find(job.id())).contains(job);
            assertThat(versions.find(job.id(), 1)).contains(first);
            assertThatThrownBy(() -> jobs.create(newJob("orders-to-lake"), version(UUID.randomUUID().toString(), 1,
                    "INSERT INTO x SELECT 1")))
                    .isInstanceOf(JobNameTakenException.class)
                    .hasMessageContaining("'orders-to-lake' already exists");
            assertThat(jobs.list()).hasSize(1);

            ManagedJob deploying = jobs.applyChange(job.id(),
                    StateChange.of(JobState.CREATED, JobState.DEPLOYING, "alice", "deploy requested")).orElseThrow();
            assertThat(deploying.state()).isEqualTo(JobState.DEPLOYING);
            assertThat(jobs.applyChange(job.id(),
                    StateChange.of(JobState.CREATED, JobState.DEPLOYING, "bob", "deploy requested")))
                    .as("the second actor loses the compare-and-set").isEmpty();

            ManagedJob running = jobs.applyChange(job.id(),
                    StateChange.of(JobState.DEPLOYING, JobState.RUNNING, "tributary", "submitted")
                            .withFlinkJobId("0123456789abcdef0123456789abcdef")).orElseThrow();
            assertThat(running.flinkJobId()).contains("0123456789abcdef0123456789abcdef");

            ManagedJob failed = jobs.applyChange(job.id(),
                    StateChange.of(JobState.RUNNING, JobState.FAILED, "watcher", "the job failed")
                            .withError("java.lang.RuntimeException: boom")).orElseThrow();
            assertThat(failed.lastError()).contains("java.lang.RuntimeException: boom");
            ManagedJob restarted = jobs.applyChange(job.id(),
                    StateChange.of(JobState.FAILED, JobState.DEPLOYING, "tributary", "automatic restart")
                            .asAutoRestart()).orElseThrow();
            assertThat(restarted.autoRestarts()).isEqualTo(1);

            assertThat(jobs.transitions(job.id()))
                    .extracting(JobTransition::from, JobTransition::to, JobTransition::actor)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(JobState.CREATED, JobState.DEPLOYING, "alice"),
                            org.assertj.core.groups.Tuple.tuple(JobState.DEPLOYING, JobState.RUNNING, "tributary"),
                            org.assertj.core.groups.Tuple.tuple(JobState.RUNNING, JobState.FAILED, "watcher"),
                            org.assertj.core.groups.Tuple.tuple(JobState.FAILED, JobState.DEPLOYING, "tributary"));

            JobVersion second = version(job.id(), 2, "INSERT INTO lake SELECT * FROM orders WHERE amount > 0");
            assertThat(jobs.advanceVersion(second, 1)).isTrue();
            assertThat(jobs.advanceVersion(version(job.id(), 3, "INSERT INTO lake SELECT 1"), 1))
                    .as("stale current version").isFalse();
            assertThat(versions.list(job.id())).extracting(JobVersion::version).containsExactly(1, 2);
            assertThat(jobs.find(job.id()).orElseThrow().currentVersion()).isEqualTo(2);
            assertThat(jobs.inStates(List.of(JobState.DEPLOYING))).extracting(ManagedJob::id).containsExactly(job.id());

            assertThat(jobs.delete(job.id())).isTrue();
            assertThat(jobs.find(job.id())).isEmpty();
            assertThat(versions.list(job.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void concurrentStateChangesHaveExactlyOneWinner(MetadataDatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind)
                .migrate(List.of(MetadataSchema.CATALOG_SERVICE, JobSchema.SCHEMA))) {
            JobVersionRepository versions = new JobVersionRepository(database.dsl());
            ManagedJobRepository jobs = new ManagedJobRepository(database.dsl(), versions, Clock.systemUTC());
            ManagedJob job = newJob("race");
            jobs.create(job, version(job.id(), 1, "INSERT INTO a SELECT 1"));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Callable<Boolean> deploy = () -> jobs.applyChange(job.id(),
                        StateChange.of(JobState.CREATED, JobState.DEPLOYING, "racer", "deploy")).isPresent();
                List<Future<Boolean>> results = pool.invokeAll(List.of(deploy, deploy, deploy, deploy));
                long winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get() ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
                assertThat(jobs.transitions(job.id())).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static ManagedJob newJob(String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new ManagedJob(UUID.randomUUID().toString(), name, "embedded", JobState.CREATED, 1, Optional.empty(),
                Optional.empty(), new ManagedJob.AutoRestart(true, 3), 0, Optional.empty(), "alice", now, now);
    }

    private static JobVersion version(String jobId, int number, String statement) {
        return new JobVersion(jobId, number, statement, "default_catalog", "default_database",
                Map.of("parallelism.default", "2"), List.of("CREATE TEMPORARY TABLE t (a INT) WITH ('connector'='datagen')"),
                List.of("default_catalog"), List.of(), Optional.of("session-1"), Optional.of("operation-1"), "alice",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
