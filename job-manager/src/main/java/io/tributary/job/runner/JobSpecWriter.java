package io.tributary.job.runner;

import io.tributary.job.JobVersion;

/**
 * Writes a frozen job version as the file Tributary's SQL runner reads in per-job and application mode (Flink 1.20
 * has no SQL application mode of its own). The runner is the main class {@link #RUNNER_MAIN_CLASS} of the jar
 * {@link #RUNNER_JAR_NAME}; it is started with the arguments {@code --spec <path of the file this writes>}.
 */
public interface JobSpecWriter {

    /** The runner's main class, in the jar {@link #RUNNER_JAR_NAME}. */
    String RUNNER_MAIN_CLASS = "io.tributary.runner.SqlJobRunner";

    /** The file name of the runner's jar, shipped with every per-job or application cluster. */
    String RUNNER_JAR_NAME = "tributary-job-runner.jar";

    /** The runner's argument that precedes the path of the spec file. */
    String SPEC_ARGUMENT = "--spec";

    /**
     * The spec of {@code version}: everything the runner needs to run it without Tributary (catalog definitions
     * with their options, SET options, the DDL it depends on, the statement), as the bytes of a JSON document.
     */
    byte[] write(JobVersion version);
}
