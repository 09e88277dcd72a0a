package io.tributary.server.metadata;

import io.tributary.server.metadata.MetadataDatabaseConfiguration.MetadataDatabaseSettings;
import io.tributary.server.startup.StartupFailure;
import java.sql.SQLException;
import java.util.Locale;

/** Explains why the metadata database could not be opened, naming the setting to fix. */
final class MetadataConnectionFailures {

    private MetadataConnectionFailures() {}

    static StartupFailure explain(MetadataDatabaseSettings settings, RuntimeException failure) {
        SQLException sql = findSqlException(failure);
        String reason = sql == null ? firstLine(failure) : firstLine(sql);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String lower = reason.toLowerCase(Locale.ROOT);
        if (state.startsWith("28") || lower.contains("access denied")) {
            return new StartupFailure("tributary.metadata.user / tributary.metadata.password",
                    "the metadata database at " + settings.displayUrl() + " refused the login (" + reason
                            + "); check TRIBUTARY_METADATA_USER and TRIBUTARY_METADATA_PASSWORD", failure);
        }
        if (state.startsWith("08") || lower.contains("communications link") || lower.contains("connection refused")
                || lower.contains("timed out") || lower.contains("unknown host")) {
            return new StartupFailure("tributary.metadata.url (TRIBUTARY_METADATA_URL)",
                    "cannot reach the metadata database at " + settings.displayUrl() + " (" + reason
                            + "); check that it runs and is reachable, or leave the setting empty for embedded H2",
                    failure);
        }
        if (state.equals("42000") && lower.contains("unknown database")) {
            return new StartupFailure("tributary.metadata.url (TRIBUTARY_METADATA_URL)",
                    "the database in " + settings.displayUrl() + " does not exist (" + reason
                            + "); create it, or add ?createDatabaseIfNotExist=true to the URL", failure);
        }
        if (lower.contains("locked by another process") || lower.contains("database may be already in use")) {
            return new StartupFailure("tributary.data-dir (TRIBUTARY_DATA_DIR)",
                    "the metadata database in this data directory is in use by another Tributary server ("
                            + reason + "); stop it, or choose another data directory", failure);
        }
        return new StartupFailure("tributary.metadata.url (TRIBUTARY_METADATA_URL)",
                "cannot open or migrate the metadata database at " + settings.displayUrl() + " (" + reason + ")",
                failure);
    }

    private static SQLException findSqlException(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
