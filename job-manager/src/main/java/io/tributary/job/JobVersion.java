package io.tributary.job;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable, numbered version of a managed job: everything it needs to run again anywhere. The statement
 * (an INSERT or a STATEMENT SET), the catalog and database it resolves names in, the session's SET options, the
 * DDL of the temporary objects it depends on (in order), the catalogs it uses (names in the catalog store), the
 * jars it needs, and the ad-hoc statement it came from.
 */
public record JobVersion(
        String jobId,
        int version,
        String statement,
        String catalog,
        String database,
        Map<String, String> options,
        List<String> dependencies,
        List<String> catalogs,
        List<String> jars,
        Optional<String> sourceSession,
        Optional<String> sourceOperation,
        String createdBy,
        Instant createdAt) {

    public JobVersion {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(statement, "statement is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        options = Map.copyOf(options);
        dependencies = List.copyOf(dependencies);
        catalogs = List.copyOf(catalogs);
        jars = List.copyOf(jars);
        requireNonNull(sourceSession, "sourceSession is null");
        requireNonNull(sourceOperation, "sourceOperation is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
        if (version < 1) {
            throw new IllegalArgumentException("versions are numbered from 1");
        }
    }
}
