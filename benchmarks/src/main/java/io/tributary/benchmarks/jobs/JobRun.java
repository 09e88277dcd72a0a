package io.tributary.benchmarks.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One submission of the benchmark job, its milestones measured from the first request of the timed path
 * (Tributary: the promote request; stock Flink: the request that opens the session):
 *
 * <ul>
 *   <li>{@code promoted}: a promote request of its own answered, when the job was deployed by a second request;
 *       empty when one request promoted and deployed it (Tributary) and for stock Flink;
 *   <li>{@code submitted}: the submission was answered with the Flink job id (Tributary: the promote-and-deploy
 *       request answered; stock: the INSERT's result page carried the job id);
 *   <li>{@code jobRunning}: the cluster's REST API reports the job RUNNING;
 *   <li>{@code tasksRunning}: it reports every vertex of the job RUNNING;
 *   <li>{@code setUp}: stock Flink only, the session open, SET and the DDL done (the INSERT's request follows).
 * </ul>
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

    /** From the request that submits the job (Tributary: promote and deploy; stock: the INSERT) to RUNNING. */
    public Duration deployToJobRunning() {
        return jobRunning.minus(beforeSubmitRequest());
    }

    /** The request that submits the job alone (Tributary: promote and deploy; stock: the INSERT), until answered. */
    public Duration deployAnswered() {
        return submitted.minus(beforeSubmitRequest());
    }

    /** From the request that submits the job to all tasks RUNNING. */
    public Duration deployToTasksRunning() {
        return tasksRunning.minus(beforeSubmitRequest());
    }

    private Duration beforeSubmitRequest() {
        return promoted.or(() -> setUp).orElse(Duration.ZERO);
    }
}
