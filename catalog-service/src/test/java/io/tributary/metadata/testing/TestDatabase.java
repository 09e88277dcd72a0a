package io.tributary.metadata.testing;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataMigrator;
import io.tributary.metadata.MetadataSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A real, empty metadata database for one test class: an H2 file in a temporary directory, or a database of its
 * own on the MariaDB at 127.0.0.1:3306 (created here, dropped on close). Tests run against both kinds.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String MARIADB_ROOT_URL = "jdbc:mysql://127.0.0.1:3306/";
    public static final String MARIADB_USER = "root";
    public static final String MARIADB_PASSWORD = "";

    private final MetadataDatabaseKind kind;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Runnable cleanup;
    private final HikariDataSource dataSource;

    private TestDatabase(MetadataDatabaseKind kind, String jdbcUrl, String user, String password, Runnable cleanup) {
        this.kind = requireNonNull(kind, "kind is null");
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.user = user;
        this.password = password;
        this.cleanup = cleanup;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
    }

    public static TestDatabase create(MetadataDatabaseKind kind) {
        return switch (kind) {
            case H2 -> h2();
            case MYSQL -> mariaDb();
        };
    }

    public static TestDatabase h2() {
        try {
            Path directory = Files.createTempDirectory("tributary-h2-");
            return new TestDatabase(MetadataDatabaseKind.H2, "jdbc:h2:file:" + directory.resolve("metadata"),
                    "tributary", "", () -> deleteQuietly(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestDatabase mariaDb() {
        String database = "tributary_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute(MARIADB_ROOT_URL, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestDatabase(MetadataDatabaseKind.MYSQL, MARIADB_ROOT_URL + database, MARIADB_USER,
                MARIADB_PASSWORD, () -> execute(MARIADB_ROOT_URL, "DROP DATABASE IF EXISTS " + database));
    }

    /** Applies the given schemas' migrations; returns this, for chaining. */
    public TestDatabase migrate(List<MetadataSchema> schemas) {
        new MetadataMigrator(dataSource).migrate(schemas);
        return this;
    }

    public TestDatabase migrate() {
        return migrate(List.of(MetadataSchema.CATALOG_SERVICE));
    }

    /** A jOOQ context configured the way the server configures its own. */
    public DSLContext dsl() {
        return DSL.using(dataSource, kind.dialect(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false));
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public MetadataDatabaseKind kind() {
        return kind;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        dataSource.close();
        cleanup.run();
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, MARIADB_USER, MARIADB_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at 127.0.0.1:3306 (start it as .ci/run does): " + sql, e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory: the OS cleans it up eventually.
        }
    }
}
