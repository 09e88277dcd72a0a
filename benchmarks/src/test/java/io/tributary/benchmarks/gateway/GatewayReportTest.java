package io.tributary.benchmarks.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tributary.benchmarks.report.Goal;
import io.tributary.benchmarks.report.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GatewayReportTest {

    private static final BenchmarkQuery SELECT_ONE = new BenchmarkQuery("SELECT 1", List.of(), "SELECT 1");
    private static final BenchmarkQuery AGGREGATION = new BenchmarkQuery("aggregation", List.of(), "SELECT ...");
    private static final GatewayBenchmarkOptions OPTIONS =
            new GatewayBenchmarkOptions(3, 1, 2, Duration.ofSeconds(5), Duration.ofMillis(2));

    @Test
    void goalsCompareTheMediansOfTributaryWithStockFlinkAndTheAbsoluteLimits() {
        GatewayReport report = new GatewayReport(results(
                // SELECT 1: medians 104 vs 100 ms (1.04x); aggregation: 220 vs 200 ms (1.10x).
                timings(103, 104, 300), timings(100, 100, 90), timings(220, 210, 230), timings(200, 195, 205),
                List.of(Duration.ofSeconds(14), Duration.ofSeconds(16)), 1_100L * 1024 * 1024));

        assertThat(report.goals()).extracting(Goal::measured, Goal::verdict).containsExactly(
                tuple("1.04x", "PASS"),
                tuple("1.10x", "MISS"),
                tuple("15.00 s", "PASS"),
                tuple("1100 MiB", "MISS"));
    }

    @Test
    void textAndMarkdownShowEveryTableAndTheMachine() {
        GatewayReport report = new GatewayReport(results(timings(10, 11, 12), timings(10, 11, 12),
                timings(20, 21, 22), timings(20, 21, 22), List.of(Duration.ofSeconds(9), Duration.ofSeconds(10)),
                700L * 1024 * 1024));

        assertThat(report.text()).contains("submit to first row", "submit to end of results",
                "Launch to first answered query", "Resident memory at idle", "Goals", "2 cores");
        assertThat(report.markdown()).contains("# Gateway benchmark", "## Machine", "- Cores: 2 (Test CPU)",
                "| SELECT 1 | 11.0 | 11.8 | 11.0 | 11.8 | 1.00x | 1.00x |", "| Tributary | 9.00 | 10.00 | 9.50 |",
                "| Tributary | 700 |", "## Method", "--iterations 3");
    }

    private static GatewayResults results(List<QueryTiming> tributarySelect, List<QueryTiming> stockSelect,
            List<QueryTiming> tributaryAggregation, List<QueryTiming> stockAggregation, List<Duration> tributaryStarts,
            long tributaryResident) {
        MachineInfo machine = new MachineInfo(2, "Test CPU", 4L << 30, "OpenJDK 17", "Linux", "0.10 0.20 0.30");
        return new GatewayResults(Instant.parse("2026-11-24T12:00:00Z"), Duration.ofSeconds(90), machine,
                "0.40 0.50 0.60", OPTIONS, "Tributary", "Stock Flink", List.of(SELECT_ONE, AGGREGATION),
                List.of(new LatencySamples(SELECT_ONE.name(), "Tributary", tributarySelect),
                        new LatencySamples(SELECT_ONE.name(), "Stock Flink", stockSelect),
                        new LatencySamples(AGGREGATION.name(), "Tributary", tributaryAggregation),
                        new LatencySamples(AGGREGATION.name(), "Stock Flink", stockAggregation)),
                List.of(new StartupSamples("Tributary", tributaryStarts),
                        new StartupSamples("Stock Flink", List.of(Duration.ofSeconds(12), Duration.ofSeconds(13)))),
                List.of(new IdleMemory("Tributary", tributaryResident),
                        new IdleMemory("Stock Flink", 500L * 1024 * 1024)));
    }

    private static List<QueryTiming> timings(long... firstRowMillis) {
        return LongStream.of(firstRowMillis).mapToObj(millis -> new QueryTiming(Duration.ofMillis(millis), Duration.ofMillis(millis), 1))
                .toList();
    }
}
