package io.tributary.lineage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What moves data along an edge of the lineage: a managed job (its current version), or statements run in sessions.
 *
 * @param kind a job or statements
 * @param id the job's id, or the latest statement's id (its operation id)
 * @param name the job's name; empty for statements
 * @param statements how many statements moved data along the edge (0 for a job)
 * @param lastSeenAt when the latest statement ran; empty for a job
 */
public record LineageVia(Kind kind, String id, Optional<String> name, long statements, Optional<Instant> lastSeenAt) {

    public enum Kind {
        JOB,
        STATEMENT
    }

    public LineageVia {
        requireNonNull(kind, "kind is null");
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(lastSeenAt, "lastSeenAt is null");
    }

    public static LineageVia job(String id, String name) {
        return new LineageVia(Kind.JOB, id, Optional.of(name), 0, Optional.empty());
    }

    public static LineageVia statements(String latestStatementId, long count, Instant lastSeenAt) {
        return new LineageVia(Kind.STATEMENT, latestStatementId, Optional.empty(), count, Optional.of(lastSeenAt));
    }
}
