package io.tributary.benchmarks.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tributary.benchmarks.report.Goal;
import io.tributary.benchmarks.report.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobsReportTest {

    @Test
    void aRunIsTimedFromTheRequestThatSubmitsTheJob() {
        JobRun oneRequest = tributary(800, 850, 3_000);
        JobRun twoRequests = new JobRun(Optional.of(Duration.ofMillis(300)), Duration.ofMillis(800),
                Duration.ofMillis(850), Duration.ofMillis(3_000), Optional.empty());

        assertThat(oneRequest.deployAnswered()).isEqualTo(Duration.ofMillis(800));
        assertThat(oneRequest.deployToJobRunning()).isEqualTo(Duration.ofMillis(850));
        assertThat(twoRequests.deployAnswered()).isEqualTo(Duration.ofMillis(500));
        assertThat(twoRequests.deployToJobRunning()).isEqualTo(Duration.ofMillis(550));
        assertThat(stock(200, 210, 2_900).deployToJobRunning()).isEqualTo(Duration.ofMillis(130));
        assertThat(stock(200, 210, 2_900).deployAnswered()).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void eachRunNamesItsTablesAfterItself() {
        StreamingJob job = StreamingJob.datagenToBlackhole().forRun(7);

        assertThat(job.dependencies()).allSatisfy(ddl -> assertThat(ddl).doesNotContain("{run}"));
        assertThat(job.dependencies().get(0)).startsWith("CREATE TEMPORARY TABLE bench_orders_7 ");
        assertThat(job.statement()).isEqualTo("INSERT INTO bench_sink_7 SELECT customer, amount FROM bench_orders_7"
                + " WHERE amount > 0");
    }

    @Test
    void theGoalComparesTheMediansOfTimeToJobRunning() {
        JobsReport within = new JobsReport(results(
                List.of(tributary(150, 205, 3_000), tributary(150, 215, 3_100)),
                List.of(stock(180, 200, 2_900), stock(190, 200, 2_950))));
        JobsReport beyond = new JobsReport(results(
                List.of(tributary(700, 750, 3_500)), List.of(stock(180, 190, 3_000))));

        assertThat(within.goals()).extracting(Goal::measured, Goal::verdict).containsExactly(tuple("1.05x", "PASS"));
        assertThat(beyond.goals()).extracting(Goal::measured, Goal::verdict).containsExactly(tuple("3.95x", "MISS"));
    }

    @Test
    void theTablesShowEveryPhaseOfBothSides() {
        JobsReport report = new JobsReport(results(List.of(tributary(800, 850, 3_000)),
                List.of(stock(200, 210, 2_900))));

        assertThat(report.text()).contains("Promote + deploy request, until answered", "800.0",
                "Promote request to job RUNNING", "850.0", "INSERT request to job RUNNING", "130.0",
                "Session open + SET + DDL done", "80.0", "Session request to job RUNNING", "210.0", "4.05x",
                "MISS");
        assertThat(report.markdown()).contains("# Jobs benchmark", "Command: `./tributary bench jobs --iterations 1",
                "| Job RUNNING: promote + deploy vs INSERT alone (session set up) | 850.0 | 850.0 | 130.0 | 130.0"
                        + " | 6.54x | 6.54x |",
                "## Method", "blackhole", "bench_orders_{run}");
    }

    private static JobRun tributary(long submitted, long running, long tasks) {
        return new JobRun(Optional.empty(), Duration.ofMillis(submitted), Duration.ofMillis(running),
                Duration.ofMillis(tasks), Optional.empty());
    }

    private static JobRun stock(long submitted, long running, long tasks) {
        return new JobRun(Optional.empty(), Duration.ofMillis(submitted), Duration.ofMillis(running),
                Duration.ofMillis(tasks), Optional.of(Duration.ofMillis(80)));
    }

    private static JobsResults results(List<JobRun> tributary, List<JobRun> stock) {
        MachineInfo machine = new MachineInfo(2, "Test CPU", 4L << 30, "OpenJDK 17", "Linux", "0.10 0.20 0.30");
        return new JobsResults(Instant.parse("2026-11-24T12:00:00Z"), Duration.ofSeconds(60), machine,
                "0.40 0.50 0.60", new JobsBenchmarkOptions(tributary.size(), 0, Duration.ofMillis(10)),
                StreamingJob.datagenToBlackhole(), "Tributary", "Stock Flink", tributary, stock);
    }
}
