package io.tributary.benchmarks.jobs;

import static io.tributary.benchmarks.report.Formats.millis;
import static io.tributary.benchmarks.report.Formats.ratio;
import static io.tributary.benchmarks.report.Formats.ratioText;
import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.report.DurationSummary;
import io.tributary.benchmarks.report.Goal;
import io.tributary.benchmarks.report.ReportDocument;
import io.tributary.benchmarks.report.Table;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The results of the jobs benchmark as tables, checked against the goal of the issue. */
public final class JobsReport {

    static final double RUNNING_RATIO_GOAL = 1.10;

    private final JobsResults results;

    public JobsReport(JobsResults results) {
        this.results = requireNonNull(results, "results is null");
    }

    public List<Goal> goals() {
        double ratio = medianRatio(JobRun::jobRunning, JobRun::jobRunning);
        return List.of(new Goal("Time to RUNNING: Tributary promote + deploy / stock session + SET + DDL + INSERT"
                + " (medians)",
                String.format(Locale.ROOT, "<= %.2fx", RUNNING_RATIO_GOAL), ratioText(ratio),
                ratio <= RUNNING_RATIO_GOAL));
    }

    public List<Table> tables() {
        return List.of(comparisonTable(), tributaryTable(), stockTable());
    }

    public String text() {
        return document().text();
    }

    public String markdown() {
        return document().markdown();
    }

    private ReportDocument document() {
        JobsBenchmarkOptions options = results.options();
        return new ReportDocument(
                "Jobs benchmark: " + results.tributary() + " promote + deploy vs an INSERT through "
                        + results.stock() + " SQL Gateway (Flink 1.20.0)",
                "./tributary bench jobs"
                        + (options.equals(JobsBenchmarkOptions.DEFAULTS) ? "" : " " + options.text()),
                options.text(), results.started(), results.elapsed(), results.machine(), results.loadAverageAtEnd(),
                goals(), tables(), List.of(), method());
    }

    private Table comparisonTable() {
        return new Table("To RUNNING on the embedded cluster (ms), " + results.options().iterations()
                + " runs each, interleaved",
                List.of("Measure", results.tributary() + " median", results.tributary() + " p90",
                        results.stock() + " median", results.stock() + " p90", "Ratio median", "Ratio p90"),
                List.of(
                        comparisonRow("Job RUNNING: promote + deploy vs session + SET + DDL + INSERT",
                                JobRun::jobRunning, JobRun::jobRunning),
                        comparisonRow("All tasks RUNNING: promote + deploy vs session + SET + DDL + INSERT",
                                JobRun::tasksRunning, JobRun::tasksRunning),
                        comparisonRow("Job RUNNING: promote + deploy vs INSERT alone (session set up)",
                                JobRun::jobRunning, JobRun::deployToJobRunning)));
    }

    private Table tributaryTable() {
        List<JobRun> runs = results.tributaryRuns();
        return phaseTable(results.tributary() + ": where the time goes (ms, from the promote request)", List.of(
                phaseRow("Promote + deploy request, until answered (plan compiled, job submitted, job stored)", runs,
                        JobRun::submitted),
                phaseRow("Promote request to job RUNNING", runs, JobRun::jobRunning),
                phaseRow("Promote request to all tasks RUNNING", runs, JobRun::tasksRunning)));
    }

    private Table stockTable() {
        List<JobRun> runs = results.stockRuns();
        return phaseTable(results.stock() + ": where the time goes (ms, from the session's request)", List.of(
                phaseRow("Session open + SET + DDL done", runs, run -> run.setUp().orElseThrow()),
                phaseRow("INSERT request alone, until answered with the job id (job submitted)", runs,
                        JobRun::deployAnswered),
                phaseRow("INSERT request to job RUNNING", runs, JobRun::deployToJobRunning),
                phaseRow("Session request to job RUNNING", runs, JobRun::jobRunning),
                phaseRow("Session request to all tasks RUNNING", runs, JobRun::tasksRunning)));
    }

    private static Table phaseTable(String title, List<List<String>> rows) {
        return new Table(title, List.of("Phase", "Median", "p90", "Min", "Max"), rows);
    }

    private static List<String> phaseRow(String phase, List<JobRun> runs, Function<JobRun, Duration> measure) {
        DurationSummary summary = DurationSummary.of(runs.stream().map(measure).toList());
        return List.of(phase, millis(summary.median()), millis(summary.p90()), millis(summary.minimum()),
                millis(summary.maximum()));
    }

    private List<String> comparisonRow(String measure, Function<JobRun, Duration> ours,
            Function<JobRun, Duration> theirs) {
        DurationSummary tributary = DurationSummary.of(results.tributaryRuns().stream().map(ours).toList());
        DurationSummary stock = DurationSummary.of(results.stockRuns().stream().map(theirs).toList());
        return List.of(measure, millis(tributary.median()), millis(tributary.p90()), millis(stock.median()),
                millis(stock.p90()), ratioText(tributary.median(), stock.median()),
                ratioText(tributary.p90(), stock.p90()));
    }

    private double medianRatio(Function<JobRun, Duration> ours, Function<JobRun, Duration> theirs) {
        return ratio(DurationSummary.of(results.tributaryRuns().stream().map(ours).toList()).median(),
                DurationSummary.of(results.stockRuns().stream().map(theirs).toList()).median());
    }

    private List<String> method() {
        JobsBenchmarkOptions options = results.options();
        StreamingJob job = results.job();
        return List.of(
                "- Both servers run as child processes from the same Flink 1.20.0 jars and JVM options, each with"
                        + " its own embedded session cluster (MiniCluster: 1 TaskManager, 4 slots, 256 MB managed,"
                        + " 64 MB network memory) on 127.0.0.1 and free ports, as in the gateway benchmark.",
                "- The job, the same on both sides: `" + String.join(";` `", job.dependencies()) + ";` then `"
                        + job.statement() + "`, where `{run}` is the number of the run (each run's tables have"
                        + " names of their own, as distinct jobs do, so no run can reuse what an earlier one set up)."
                        + " Default parallelism (1), no checkpointing.",
                "- Tributary: `POST /api/v1/jobs` with the statement, the DDL as `dependencies` and `deploy: true`"
                        + " (the server opens a session set up like the user's and submits the INSERT in it to the"
                        + " embedded cluster: the planner compiles the plan before Flink sees a job, so the"
                        + " submission is the validation; the job is stored once Flink accepted it, and the request"
                        + " is answered then). Timed from that request.",
                "- Stock Flink: a new session on its SQL Gateway, `SET 'table.dml-sync' = 'false'` and the DDL,"
                        + " then the INSERT, timed from the session's request: the same work from nothing to a"
                        + " running job as Tributary's request. The INSERT alone (the session already set up)"
                        + " is shown too. Each statement's result is asked for every "
                        + JobsBenchmark.STATEMENT_POLL_INTERVAL.toMillis() + " ms while not ready (as often as"
                        + " Tributary's server looks at its own statements); the job id comes from the INSERT's"
                        + " result page.",
                "- RUNNING: `GET /jobs/<id>` on the cluster's REST API, polled every "
                        + options.pollInterval().toMillis() + " ms: job RUNNING = its `state`; all tasks RUNNING ="
                        + " every vertex's `status` RUNNING as well.",
                "- After each run (untimed) the job is cancelled (Tributary: `POST /api/v1/jobs/{id}/cancel`; stock:"
                        + " `PATCH /jobs/<id>?mode=cancel`) and the benchmark waits until the cluster reports it"
                        + " ended, so every run starts on an idle cluster.",
                "- " + options.warmUpRounds() + " unmeasured warm-up rounds, then " + options.iterations()
                        + " measured rounds, the two sides taking turns, the first one alternating. Ratio ="
                        + " Tributary / stock. The stock side does less by design: it neither validates nor stores"
                        + " anything; the deploy-alone row shows the submission paths on their own.",
                "- Until 2026-11-24 the stock side was timed from the INSERT request, its session and DDL left out,"
                        + " while Tributary's timed path opened sessions and ran the DDL as well, and it asked for"
                        + " results every 10 ms: the last row of the first table keeps that comparison (INSERT alone),"
                        + " now with the faster polling.",
                "- Percentiles interpolate between the nearest ranks; p90 of " + options.iterations()
                        + " runs is a tail indicator, not a precise quantile.");
    }
}
