package io.tributary.job.sql;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.PipelineOptionsInternal;

/**
 * What a job's statements need their session to be: its SET options, its current catalog and database, and the
 * DDL of the temporary objects it depends on, run in order. Two operations with equal set-ups can run in the same
 * session one after the other ({@link WarmSessions}). Options that belong to one submission — the job's name, its
 * fixed Flink job id, a savepoint to restore, sync or async DML — are not part of a set-up: they go with the
 * statement as its execution options.
 */
public record SessionSetup(Map<String, String> options, String catalog, String database, List<String> dependencies) {

    /** Options of one submission, never of the session that submits it. */
    public static final Set<String> SUBMISSION_OPTIONS = Set.of("pipeline.name", "table.dml-sync",
            "execution.savepoint.path", PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID.key());

    public SessionSetup {
        Map<String, String> sessionOptions = new LinkedHashMap<>(requireNonNull(options, "options is null"));
        sessionOptions.keySet().removeAll(SUBMISSION_OPTIONS);
        options = Map.copyOf(sessionOptions);
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        dependencies = List.copyOf(requireNonNull(dependencies, "dependencies is null"));
    }
}
