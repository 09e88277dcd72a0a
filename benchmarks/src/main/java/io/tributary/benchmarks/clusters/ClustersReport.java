package io.tributary.benchmarks.clusters;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.report.DurationSummary;
import io.tributary.benchmarks.report.Goal;
import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.benchmarks.report.MarkdownTableRenderer;
import io.tributary.benchmarks.report.Table;
import io.tributary.benchmarks.report.TextTableRenderer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of the clusters benchmark as tables, checked against the goals of the issue. */
final class ClustersReport {

    private static final long MIB = 1024L * 1024;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ClustersResults results;

    ClustersReport(ClustersResults results) {
        this.results = requireNonNull(results, "results is null");
    }

    List<Goal> goals() {
        ClustersResults.Polls polls = results.polls();
        DurationSummary all = DurationSummary.of(allLatencies());
        List<Goal> goals = new ArrayList<>();
        goals.add(new Goal("Requests per poll of " + results.options().clusters() + " clusters (/jobs/overview;"
                + " /overview on top, at most every " + results.settings().overviewEveryPolls() + " polls at rest)",
                "<= " + ClustersBenchmark.REQUESTS_PER_POLL_GOAL, number(polls.jobsOverviewPerPoll()) + " (+"
                        + number(polls.overviewPerPoll()) + " /overview)",
                polls.jobsOverviewPerPoll() <= ClustersBenchmark.REQUESTS_PER_POLL_GOAL));
        goals.add(new Goal("State change in a cluster's answer to its event, slowest of " + all.count()
                + " (poll every " + results.options().pollInterval().toMillis() + " ms)",
                "<= " + ClustersBenchmark.EVENT_LATENCY_GOAL.toMillis() + " ms", millis(all.maximum()) + " ms",
                all.maximum().compareTo(ClustersBenchmark.EVENT_LATENCY_GOAL) <= 0));
        return goals;
    }

    List<Table> tables() {
        return List.of(setUpTable(), pollsTable(), latencyTable(), scheduledTable(), lostTable());
    }

    private Table setUpTable() {
        ClustersBenchmarkOptions options = results.options();
        return new Table("Set-up", List.of("What", "Value"), List.of(
                List.of("Simulated Flink clusters (1 as the embedded cluster, the others registered standalone)",
                        Integer.toString(options.clusters())),
                List.of("Managed jobs, RUNNING, in the H2 metadata database", Integer.toString(options.jobs())),
                List.of("Unmanaged jobs (3 running, 2 finished per cluster)",
                        Integer.toString(options.clusters() * 5)),
                List.of("Poll interval / tick (fast interval)", options.pollInterval().toMillis() + " ms / "
                        + results.settings().fastInterval().toMillis() + " ms"),
                List.of("/overview at most every N polls at rest", Integer.toString(
                        results.settings().overviewEveryPolls())),
                List.of("Set-up time (register clusters, insert jobs)", seconds(results.setUp()) + " s")));
    }

    private Table pollsTable() {
        ClustersResults.Polls polls = results.polls();
        DurationSummary wall = DurationSummary.of(polls.wallTimes());
        return new Table("One poll of every cluster, at rest (" + polls.count() + " polls)",
                List.of("Measure", "Per poll"), List.of(
                        List.of("Requests: /jobs/overview", number(polls.jobsOverviewPerPoll())),
                        List.of("Requests: /overview", number(polls.overviewPerPoll())),
                        List.of("Requests: total", number(polls.jobsOverviewPerPoll() + polls.overviewPerPoll())),
                        List.of("CPU of the watcher's threads (ThreadMXBean: pollers, HTTP client, caller)",
                                millis(polls.watcherCpuPerPoll()) + " ms"),
                        List.of("CPU of the whole JVM but the simulated servers (adds GC and JIT)",
                                millis(polls.processCpuPerPoll()) + " ms"),
                        List.of("Wall time, median / p90",
                                millis(wall.median()) + " / " + millis(wall.p90()) + " ms")));
    }

    private Table latencyTable() {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Duration>> entry : orderedLatencies()) {
            rows.add(latencyRow(entry.getKey(), DurationSummary.of(entry.getValue())));
        }
        rows.add(latencyRow("all", DurationSummary.of(allLatencies())));
        return new Table("State change in a cluster's answer to its event (ms), watcher on its schedule",
                List.of("Change", "Count", "Median", "p90", "Max"), rows);
    }

    private static List<String> latencyRow(String name, DurationSummary summary) {
        return List.of(name, Integer.toString(summary.count()), millis(summary.median()), millis(summary.p90()),
                millis(summary.maximum()));
    }

    private Table scheduledTable() {
        ClustersResults.Scheduled scheduled = results.scheduled();
        ClustersResults.Busy busy = results.busy();
        double rounds = scheduled.rounds();
        return new Table("Requests per poll interval on the schedule, while jobs changed state",
                List.of("Measure", "Per interval"), List.of(
                        List.of("/jobs/overview", number(scheduled.jobsOverviewRequests() / rounds)),
                        List.of("/overview (read again when a cluster's jobs changed)",
                                number(scheduled.overviewRequests() / rounds)),
                        List.of("/jobs/<id>/exceptions (once per FAILED job)",
                                number(scheduled.otherRequests() / rounds)),
                        List.of("/jobs/overview of a cluster with a stop with savepoint under way",
                                number(busy.busyClusterPerInterval())),
                        List.of("/jobs/overview of each other cluster meanwhile",
                                number(busy.otherClusterPerInterval()))));
    }

    private Table lostTable() {
        ClustersResults.Lost lost = results.lost();
        return new Table("A cluster stops answering (connection refused), then answers again ("
                + lost.jobs() + " running managed jobs on it)", List.of("Step", "After (ms)"), List.of(
                        List.of("Stopped -> CLUSTER_LOST event", millis(lost.toClusterLost())),
                        List.of("Stopped -> last of its JOB_LOST events", millis(lost.toLastJobLost())),
                        List.of("Started again -> CLUSTER_RECOVERED event", millis(lost.toRecovered())),
                        List.of("Started again -> last of its JOB_RUNNING_AGAIN events",
                                millis(lost.toLastJobRunningAgain()))));
    }

    Table goalTable() {
        return new Table("Goals", List.of("Goal", "Target", "Measured", "Result"), goals().stream()
                .map(goal -> List.of(goal.description(), goal.target(), goal.measured(), goal.verdict()))
                .toList());
    }

    String text() {
        TextTableRenderer renderer = new TextTableRenderer();
        StringBuilder text = new StringBuilder("\n").append(title()).append('\n');
        MachineInfo machine = results.machine();
        text.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.totalMemoryBytes() / MIB)
                .append(" MiB, ").append(machine.javaVersion()).append("; load average ")
                .append(machine.loadAverage()).append(" at start, ").append(results.loadAverageAtEnd())
                .append(" at end (shared machine)\n\n");
        for (Table table : tables()) {
            text.append(renderer.render(table)).append('\n');
        }
        text.append(renderer.render(goalTable()));
        return text.toString();
    }

    String markdown() {
        MarkdownTableRenderer renderer = new MarkdownTableRenderer();
        MachineInfo machine = results.machine();
        ClustersBenchmarkOptions options = results.options();
        StringBuilder text = new StringBuilder("# ").append(title()).append("\n\n");
        text.append("Command: `./tributary bench clusters")
                .append(options.equals(ClustersBenchmarkOptions.DEFAULTS) ? "" : " " + options.text())
                .append("` (").append(TIMESTAMP.format(results.started())).append(", took ")
                .append(results.elapsed().toSeconds()).append(" s)\n\n");
        text.append("## Machine\n\n")
                .append("- Cores: ").append(machine.cores()).append(" (").append(machine.cpuModel()).append(")\n")
                .append("- Memory: ").append(machine.totalMemoryBytes() / MIB).append(" MiB\n")
                .append("- Java: ").append(machine.javaVersion()).append('\n')
                .append("- OS: ").append(machine.operatingSystem()).append('\n')
                .append("- Load average (1/5/15 min) at start: ").append(machine.loadAverage())
                .append("; at end: ").append(results.loadAverageAtEnd())
                .append(". The machine is shared: other builds and Flink clusters may have run at the same time.\n\n");
        text.append("## Results\n\n").append(renderer.render(goalTable())).append('\n');
        for (Table table : tables()) {
            text.append(renderer.render(table)).append('\n');
        }
        text.append("## Method\n\n").append(method()).append('\n');
        return text.toString();
    }

    private String title() {
        return "Clusters benchmark: the cluster watcher, " + results.options().jobs() + " managed jobs on "
                + results.options().clusters() + " simulated Flink clusters";
    }

    private String method() {
        return String.join("\n",
                "- **Simulated clusters.** One machine cannot hold 1,000 real Flink jobs, so each cluster is a small"
                        + " HTTP server on 127.0.0.1 (the JDK's com.sun.net.httpserver) that answers Flink's REST API"
                        + " as a JobManager does for what the watcher asks: `GET /jobs/overview` (every job, with"
                        + " Flink's fields), `GET /overview` and `GET /jobs/<id>/exceptions`. Each answers on its"
                        + " own port; the first stands for the embedded cluster, the others are registered through"
                        + " the registry's standalone connector (which checks they answer).",
                "- **Everything else is real**, in one JVM: job-manager's ClusterWatcher, ClusterRegistry,"
                        + " JobReconciler, ManagedJobRepository and ClusterHealthRepository as the server wires them,"
                        + " on an H2 metadata database in a temporary directory migrated by the server's own Flyway"
                        + " migrations, with the managed jobs inserted as RUNNING (CREATED, DEPLOYING, RUNNING"
                        + " through the repository). The watcher's settings are the server's defaults at this poll"
                        + " interval.",
                "- **At rest:** after 5 warm-up polls, every cluster is polled " + results.polls().count()
                        + " times in a row (`pollAll`); requests are counted by the simulated servers; CPU is the"
                        + " ThreadMXBean CPU time of the watcher's threads (its pollers, the JDK HTTP client's"
                        + " threads and the calling thread, which runs the scheduling queries), and, as an upper"
                        + " bound, the JVM's process CPU time minus the simulated servers' threads.",
                "- **Latency:** the watcher runs on its schedule (`tick()` every fast interval, as the server's"
                        + " JobWatchSchedule does). A job's state is changed in its cluster's answer at a random"
                        + " moment of the poll cycle (after a random 100 ms to 1 poll interval wait), and the time"
                        + " until the job's event reaches a listener (after its change is committed) is measured:"
                        + " RUNNING -> RESTARTING, back to RUNNING, then FAILED or CANCELED, round-robin over the"
                        + " clusters.",
                "- **A lost cluster:** one simulated server stops (connections refused): the time to its"
                        + " CLUSTER_LOST event and to the last JOB_LOST of its running jobs; then it starts again on"
                        + " the same port: the time to CLUSTER_RECOVERED and to the last JOB_RUNNING_AGAIN.");
    }

    private List<Map.Entry<String, List<Duration>>> orderedLatencies() {
        List<String> order = List.of("RESTARTING", "RUNNING again", "FAILED", "CANCELED");
        return results.latencies().entrySet().stream()
                .sorted((a, b) -> Integer.compare(rank(order, a.getKey()), rank(order, b.getKey())))
                .toList();
    }

    private static int rank(List<String> order, String key) {
        int index = order.indexOf(key);
        return index < 0 ? order.size() : index;
    }

    private List<Duration> allLatencies() {
        return results.latencies().values().stream().flatMap(List::stream).toList();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1_000_000.0);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1_000_000_000.0);
    }
}
