package io.tributary.server.job;

import io.tributary.job.ManagedJob.AutoRestart;
import io.tributary.job.deploy.RestorePoint;
import io.tributary.job.promote.PromoteRequest;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The bodies the jobs API accepts. */
final class JobRequests {

    static final String DEFAULT_CATALOG = "default_catalog";
    static final String DEFAULT_DATABASE = "default_database";

    private JobRequests() {}

    /** {@code POST /api/v1/jobs} and {@code POST /api/v1/jobs/{id}/versions}. */
    record Promote(
            String name,
            String statement,
            String catalog,
            String database,
            Map<String, String> options,
            String cluster,
            String sinkTable,
            List<String> dependencies,
            List<String> jars,
            AutoRestartBody autoRestart,
            String sessionId,
            String operationId,
            Boolean deploy) {

        PromoteRequest toRequest(String jobName, String clusterId, String actor) {
            return new PromoteRequest(
                    jobName,
                    statement == null ? "" : statement,
                    blankTo(catalog, DEFAULT_CATALOG),
                    blankTo(database, DEFAULT_DATABASE),
                    options == null ? Map.of() : options,
                    dependencies == null ? List.of() : dependencies,
                    jars == null ? List.of() : jars,
                    clusterId,
                    Optional.ofNullable(sinkTable).filter(sink -> !sink.isBlank()),
                    autoRestart == null ? AutoRestart.OFF : autoRestart.toAutoRestart(),
                    Optional.ofNullable(sessionId),
                    Optional.ofNullable(operationId),
                    actor);
        }

        String clusterOrEmbedded() {
            return blankTo(cluster, "embedded");
        }

        boolean deployOrDefault() {
            return deploy == null || deploy;
        }
    }

    record AutoRestartBody(Boolean enabled, Integer maxRestarts) {
        AutoRestart toAutoRestart() {
            boolean on = enabled != null && enabled;
            int max = maxRestarts == null ? (on ? 3 : 0) : maxRestarts;
            if (max < 0) {
                throw new TributaryException(ErrorCode.INVALID_REQUEST, "autoRestart.maxRestarts must not be negative");
            }
            return new AutoRestart(on, max);
        }
    }

    /** {@code POST /api/v1/jobs/{id}/stop}. */
    record Stop(Boolean savepoint) {
        boolean withSavepoint() {
            return savepoint == null || savepoint;
        }
    }

    /** {@code POST /api/v1/jobs/{id}/restart} and {@code /deploy}: where the state comes from. */
    record Restart(String from, String path) {
        RestorePoint toRestorePoint(boolean hasSavepoint) {
            String kind = from == null || from.isBlank()
                    ? (path != null && !path.isBlank() ? "savepoint" : hasSavepoint ? "latest-savepoint" : "empty")
                    : from.strip().toLowerCase(Locale.ROOT);
            return switch (kind) {
                case "latest-savepoint" -> RestorePoint.latestSavepoint();
                case "latest-checkpoint" -> RestorePoint.latestCheckpoint();
                case "empty" -> RestorePoint.empty();
                case "savepoint" -> {
                    if (path == null || path.isBlank()) {
                        throw new TributaryException(ErrorCode.INVALID_REQUEST,
                                "from 'savepoint' needs the savepoint's path");
                    }
                    yield RestorePoint.savepoint(path.strip());
                }
                default -> throw new TributaryException(ErrorCode.INVALID_REQUEST, "from must be one of"
                        + " latest-savepoint, savepoint, latest-checkpoint, empty; was '" + from + "'");
            };
        }
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
