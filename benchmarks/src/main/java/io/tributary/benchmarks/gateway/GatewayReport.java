package io.tributary.benchmarks.gateway;

import static io.tributary.benchmarks.report.Formats.millis;
import static io.tributary.benchmarks.report.Formats.ratio;
import static io.tributary.benchmarks.report.Formats.ratioText;
import static io.tributary.benchmarks.report.Formats.seconds;
import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.report.DurationSummary;
import io.tributary.benchmarks.report.Goal;
import io.tributary.benchmarks.report.ReportDocument;
import io.tributary.benchmarks.report.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of the gateway benchmark as tables, checked against the goals of the issue. */
public final class GatewayReport {

    static final double LATENCY_RATIO_GOAL = 1.05;
    static final Duration START_GOAL = Duration.ofSeconds(15);
    static final long MEMORY_GOAL_BYTES = 1024L * 1024 * 1024;
    private static final long MIB = 1024L * 1024;

    private final GatewayResults results;

    public GatewayReport(GatewayResults results) {
        this.results = requireNonNull(results, "results is null");
    }

    public List<Table> tables() {
        return List.of(
                latencyTable("Ad-hoc query latency, submit to first row (ms)", QueryTimingView.FIRST_ROW),
                latencyTable("Ad-hoc query latency, submit to end of results (ms)", QueryTimingView.COMPLETE),
                startupTable(),
                memoryTable());
    }

    public List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        for (BenchmarkQuery query : results.queries()) {
            double ratio = firstRowMedianRatio(query);
            goals.add(new Goal("Latency to first row, " + query.name() + ": Tributary / stock (medians)",
                    String.format(Locale.ROOT, "<= %.2fx", LATENCY_RATIO_GOAL),
                    ratioText(ratio), ratio <= LATENCY_RATIO_GOAL));
        }
        Duration start = DurationSummary.of(results.startup(results.tributary()).durations()).median();
        goals.add(new Goal("Start to first answered query, Tributary (median)",
                "<= " + START_GOAL.toSeconds() + " s", seconds(start) + " s", start.compareTo(START_GOAL) <= 0));
        long resident = results.memory(results.tributary()).residentBytes();
        goals.add(new Goal("Resident memory at idle, Tributary", "<= " + MEMORY_GOAL_BYTES / MIB + " MiB",
                resident / MIB + " MiB", resident <= MEMORY_GOAL_BYTES));
        return List.copyOf(goals);
    }

    public Table goalTable() {
        return document().goalTable();
    }

    /** For the terminal. */
    public String text() {
        return document().text();
    }

    /** For the results file. */
    public String markdown() {
        return document().markdown();
    }

    private ReportDocument document() {
        GatewayBenchmarkOptions options = results.options();
        return new ReportDocument(
                "Gateway benchmark: " + results.tributary() + " vs " + results.stock() + " SQL Gateway (Flink 1.20.0)",
                "./tributary bench gateway"
                        + (options.equals(GatewayBenchmarkOptions.DEFAULTS) ? "" : " " + optionsText(options)),
                optionsText(options), results.started(), results.elapsed(), results.machine(),
                results.loadAverageAtEnd(), goals(), tables(), List.of(), method());
    }

    private static String optionsText(GatewayBenchmarkOptions options) {
        return "--iterations " + options.iterations() + " --warm-up " + options.warmUpRounds() + " --start-runs "
                + options.startRuns() + " --idle-seconds " + options.idleWait().toSeconds() + " --poll-interval-ms "
                + options.pollInterval().toMillis();
    }

    private List<String> method() {
        GatewayBenchmarkOptions options = results.options();
        return List.of(
                "- Both servers run as child processes from the same Flink 1.20.0 jars and the same JVM options"
                        + " (`gateway-server/target/jvm.options`), each with its own embedded session cluster"
                        + " (MiniCluster: 1 TaskManager, 4 slots, 256 MB managed, 64 MB network memory) on"
                        + " 127.0.0.1 and free ports. Tributary: `java @jvm.options -jar tributary-server.jar` as"
                        + " `./tributary start` runs it, with a fresh data directory. Stock: Flink's own"
                        + " `org.apache.flink.table.gateway.SqlGateway` entry point with `execution.target=remote`"
                        + " pointing at its MiniCluster.",
                "- One client for both: Flink's SQL Gateway REST protocol (v2, JSON rows) over one persistent"
                        + " HTTP/1.1 connection pool; result pages polled every "
                        + options.pollInterval().toMillis() + " ms while empty, no other waits.",
                "- Latency: one session per server; the session set-up (a `CREATE TEMPORARY TABLE` for datagen)"
                        + " is not timed; " + options.warmUpRounds() + " unmeasured warm-up rounds of every query on"
                        + " both (stock Flink warms its planner on its first queries only, Tributary at start-up);"
                        + " then " + options.iterations() + " measured rounds, the servers taking turns query by"
                        + " query, the first one alternating each round. Submit = the POST of the statement; first"
                        + " row = the first result page holding a row; end = the end-of-stream page. Each"
                        + " operation is closed afterwards. Ratio = Tributary / stock.",
                "- Start-up: launch of the JVM to the first `SELECT 1` row through the gateway (session opened,"
                        + " statement submitted, row fetched), " + options.startRuns() + " fresh starts each,"
                        + " alternating; the `./tributary` script's own checks (Java version, build freshness)"
                        + " add a fraction of a second that is not included.",
                "- Memory: VmRSS from /proc/<pid>/status of each server JVM, " + options.idleWait().toSeconds()
                        + " s after the last query with the sessions closed. Neither JVM sets a heap limit.",
                "- Percentiles interpolate between the nearest ranks; p90 of " + options.iterations()
                        + " runs is a tail indicator, not a precise quantile.");
    }

    private Table latencyTable(String title, QueryTimingView view) {
        String tributary = results.tributary();
        String stock = results.stock();
        List<List<String>> rows = new ArrayList<>();
        for (BenchmarkQuery query : results.queries()) {
            DurationSummary ours = DurationSummary.of(view.of(results.latency(query.name(), tributary)));
            DurationSummary theirs = DurationSummary.of(view.of(results.latency(query.name(), stock)));
            rows.add(List.of(query.name(), millis(ours.median()), millis(ours.p90()), millis(theirs.median()),
                    millis(theirs.p90()), ratioText(ours.median(), theirs.median()),
                    ratioText(ours.p90(), theirs.p90())));
        }
        int runs = results.options().iterations();
        return new Table(title + ", " + runs + " runs each, interleaved",
                List.of("Query", tributary + " median", tributary + " p90", stock + " median", stock + " p90",
                        "Ratio median", "Ratio p90"),
                rows);
    }

    private Table startupTable() {
        List<String> headers = new ArrayList<>(List.of("Server"));
        for (int run = 1; run <= results.options().startRuns(); run++) {
            headers.add("Run " + run);
        }
        headers.add("Median");
        List<List<String>> rows = new ArrayList<>();
        for (String server : List.of(results.tributary(), results.stock())) {
            List<Duration> durations = results.startup(server).durations();
            List<String> row = new ArrayList<>(List.of(server));
            durations.forEach(duration -> row.add(seconds(duration)));
            row.add(seconds(DurationSummary.of(durations).median()));
            rows.add(row);
        }
        return new Table("Launch to first answered query (s), fresh start each run", headers, rows);
    }

    private Table memoryTable() {
        List<List<String>> rows = new ArrayList<>();
        for (String server : List.of(results.tributary(), results.stock())) {
            rows.add(List.of(server, Long.toString(results.memory(server).residentBytes() / MIB)));
        }
        return new Table("Resident memory at idle (VmRSS, MiB), " + results.options().idleWait().toSeconds()
                + " s after the last query", List.of("Server", "RSS MiB"), rows);
    }

    private double firstRowMedianRatio(BenchmarkQuery query) {
        Duration ours = DurationSummary.of(results.latency(query.name(), results.tributary()).firstRow()).median();
        Duration theirs = DurationSummary.of(results.latency(query.name(), results.stock()).firstRow()).median();
        return ratio(ours, theirs);
    }

    /** Which of a query's two timings a table shows. */
    private enum QueryTimingView {
        FIRST_ROW {
            @Override
            List<Duration> of(LatencySamples samples) {
                return samples.firstRow();
            }
        },
        COMPLETE {
            @Override
            List<Duration> of(LatencySamples samples) {
                return samples.complete();
            }
        };

        abstract List<Duration> of(LatencySamples samples);
    }
}
