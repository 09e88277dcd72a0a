package io.tributary.alert;

import java.util.Locale;
import java.util.Optional;

/** What can raise an alert: changes of a job or of a cluster, and counted conditions of a job. */
public enum AlertEventType {
    /** The job went to FAILED. */
    JOB_FAILED(true, AlertSeverity.CRITICAL, "failed", false, false),
    /** The job restarted (Flink's RESTARTING, or an automatic redeploy) more than N times in M minutes. */
    JOB_RESTARTING_TOO_OFTEN(true, AlertSeverity.WARNING, "is restarting too often", true, true),
    /** N checkpoints in a row failed. */
    CHECKPOINTS_FAILING(true, AlertSeverity.WARNING, "keeps failing its checkpoints", true, false),
    /** A stop with savepoint did not complete. */
    SAVEPOINT_FAILED(true, AlertSeverity.WARNING, "could not take a savepoint", false, false),
    /** Its cluster does not answer, or no longer knows the job. */
    JOB_LOST(true, AlertSeverity.CRITICAL, "is lost", false, false),
    /** A cluster stopped answering. */
    CLUSTER_LOST(false, AlertSeverity.CRITICAL, "is lost", false, false),
    /** A cluster answers again. */
    CLUSTER_RECOVERED(false, AlertSeverity.INFO, "recovered", false, false),
    /** A job that had failed, restarted or was lost runs again. */
    JOB_RUNNING_AGAIN(true, AlertSeverity.INFO, "is running again", false, false);

    private final boolean jobEvent;
    private final AlertSeverity defaultSeverity;
    private final String verb;
    private final boolean needsThreshold;
    private final boolean needsWindow;

    AlertEventType(boolean jobEvent, AlertSeverity defaultSeverity, String verb, boolean needsThreshold,
            boolean needsWindow) {
        this.jobEvent = jobEvent;
        this.defaultSeverity = defaultSeverity;
        this.verb = verb;
        this.needsThreshold = needsThreshold;
        this.needsWindow = needsWindow;
    }

    /** Whether the event concerns one job (else a whole cluster). */
    public boolean jobEvent() {
        return jobEvent;
    }

    public AlertSeverity defaultSeverity() {
        return defaultSeverity;
    }

    /** What happened, after the subject: "job 'x' <verb>". */
    public String verb() {
        return verb;
    }

    /** Whether a rule for it needs {@code threshold} (N). */
    public boolean needsThreshold() {
        return needsThreshold;
    }

    /** Whether a rule for it needs {@code windowMinutes} (M). */
    public boolean needsWindow() {
        return needsWindow;
    }

    public static Optional<AlertEventType> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
