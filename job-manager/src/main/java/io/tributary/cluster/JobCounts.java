package io.tributary.cluster;

import java.util.List;

/**
 * How many jobs a cluster lists, by the same rules as Flink's own {@code /overview}: running counts every job that
 * is not finished, failed or canceled (created, running, restarting, ...).
 */
public record JobCounts(int all, int running, int finished, int failed, int canceled, int managed, int unmanaged) {

    public static final JobCounts NONE = new JobCounts(0, 0, 0, 0, 0, 0, 0);

    public static JobCounts of(List<ClusterJob> jobs) {
        int running = 0;
        int finished = 0;
        int failed = 0;
        int canceled = 0;
        int managed = 0;
        for (ClusterJob job : jobs) {
            switch (job.flink().state()) {
                case "FINISHED" -> finished++;
                case "FAILED" -> failed++;
                case "CANCELED" -> canceled++;
                default -> running++;
            }
            managed += job.managed().isPresent() ? 1 : 0;
        }
        return new JobCounts(jobs.size(), running, finished, failed, canceled, managed, jobs.size() - managed);
    }
}
