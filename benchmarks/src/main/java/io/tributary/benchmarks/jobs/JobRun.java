package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One submission of the benchmark job, its milestones measured from the first request of the timed path
 * (Tributary: the promote request; stock Flink: the INSERT request):
 *
 * <ul>
 *   <li>{@code promoted}: Tributary's promote answered (the plan validated with EXPLAIN); empty for stock Flink;
 *   <li>{@code submitted}: the submission was answered with the Flink job id (Tributary: {@code /deploy} answered;
 *       stock: the INSERT's result page carried the job id);
 *   <li>{@code jobRunning}: the cluster's REST API reports the job RUNNING;
 *   <li>{@code tasksRunning}: it reports every vertex of the job RUNNING.
 * </ul>
 *
 * {@code setUp} is what came before the timed path and is not part of it (stock Flink: opening the session and
 * running SET and the DDL).
 */
public record JobRun(
        Optional<Duration> promoted,
        Duration submitted,
        Duration jobRunning,
        Duration tasksRunning,
        Optional<Duration> setUp) {

    public JobRun {
        requireNonNull(promoted, "promoted is null");
        requireNonNull(submitted, "submitted is null");
        requireNonNull(jobRunning, "jobRunning is null");
        requireNonNull(tasksRunning, "tasksRunning is null");
        requireNonNull(setUp, "setUp is null");
    }

    /** From the end of the promotion (the deploy request) to RUNNING; the whole path when nothing was promoted. */
    public Duration deployToJobRunning() {
        return jobRunning.minus(promoted.orElse(Duration.ZERO));
    }

    /** The deploy request alone; the whole submission when nothing was promoted. */
    public Duration deployAnswered() {
        return submitted.minus(promoted.orElse(Duration.ZERO));
    }
}
