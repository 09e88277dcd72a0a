package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.report.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Everything one run of the jobs benchmark measured, and the conditions it measured them in. */
public record JobsResults(
        Instant started,
        Duration elapsed,
        MachineInfo machine,
        String loadAverageAtEnd,
        JobsBenchmarkOptions options,
        StreamingJob job,
        String tributary,
        String stock,
        List<JobRun> tributaryRuns,
        List<JobRun> stockRuns) {

    public JobsResults {
        requireNonNull(started, "started is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(loadAverageAtEnd, "loadAverageAtEnd is null");
        requireNonNull(options, "options is null");
        requireNonNull(job, "job is null");
        requireNonNull(tributary, "tributary is null");
        requireNonNull(stock, "stock is null");
        tributaryRuns = List.copyOf(requireNonNull(tributaryRuns, "tributaryRuns is null"));
        stockRuns = List.copyOf(requireNonNull(stockRuns, "stockRuns is null"));
        if (tributaryRuns.isEmpty() || stockRuns.isEmpty()) {
            throw new IllegalArgumentException("both sides need at least one run");
        }
    }
}
