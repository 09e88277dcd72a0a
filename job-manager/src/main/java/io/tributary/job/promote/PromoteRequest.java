package io.tributary.job.promote;

import static java.util.Objects.requireNonNull;

import io.tributary.job.ManagedJob.AutoRestart;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user promotes: a statement (INSERT, STATEMENT SET, or a query together with the sink table it should
 * write to), the catalog and database it resolves names in, the SET options and temporary-object DDL of its
 * session, the cluster to run on, and where it came from.
 */
public record PromoteRequest(
        String name,
        String statement,
        String catalog,
        String database,
        Map<String, String> options,
        List<String> dependencies,
        List<String> jars,
        String clusterId,
        Optional<String> sinkTable,
        AutoRestart autoRestart,
        Optional<String> sourceSession,
        Optional<String> sourceOperation,
        String actor) {

    public PromoteRequest {
        requireNonNull(statement, "statement is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        options = Map.copyOf(options);
        dependencies = List.copyOf(dependencies);
        jars = List.copyOf(jars);
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(sinkTable, "sinkTable is null");
        requireNonNull(autoRestart, "autoRestart is null");
        requireNonNull(sourceSession, "sourceSession is null");
        requireNonNull(sourceOperation, "sourceOperation is null");
        requireNonNull(actor, "actor is null");
    }
}
