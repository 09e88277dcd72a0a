package io.tributary.metadata;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import org.jooq.SQLDialect;

/** The databases Tributary keeps its metadata in, told apart by their JDBC URL. */
public enum MetadataDatabaseKind {
    /** Embedded, in a file under the data directory: the default, nothing to install. */
    H2("h2", "jdbc:h2:", SQLDialect.H2),
    /** MySQL 8 or MariaDB 10.11 through mysql-connector-j: production, and several instances on one database. */
    MYSQL("mysql", "jdbc:mysql:", SQLDialect.MYSQL);

    private final String label;
    private final String urlPrefix;
    private final SQLDialect dialect;

    MetadataDatabaseKind(String label, String urlPrefix, SQLDialect dialect) {
        this.label = label;
        this.urlPrefix = urlPrefix;
        this.dialect = dialect;
    }

    public String label() {
        return label;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** The kind a JDBC URL names, or empty when Tributary cannot keep its metadata there. */
    public static Optional<MetadataDatabaseKind> fromJdbcUrl(String jdbcUrl) {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        String lower = jdbcUrl.trim().toLowerCase(Locale.ROOT);
        for (MetadataDatabaseKind kind : values()) {
            if (lower.startsWith(kind.urlPrefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
