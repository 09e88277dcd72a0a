package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A PostgreSQL role (with a password: Flink's JDBC catalog rejects an empty one) and a database it owns, with
 * {@code tables} empty tables, made for one benchmark run under a random name and dropped when it ends: by
 * {@link #close()}, or by a shutdown hook when the run is interrupted. Nothing else on the server is touched.
 */
final class PostgresBenchmarkDatabase implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final String NAME_PREFIX = "tributary_bench_";
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final PostgresConnection connection;
    private final String adminUrl;
    private final String adminUser;
    private final Thread cleanUpOnExit;
    private boolean dropped;

    private PostgresBenchmarkDatabase(PostgresConnection connection, String adminUrl, String adminUser) {
        this.connection = connection;
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.cleanUpOnExit = new Thread(this::drop, "postgres-benchmark-clean-up");
    }

    /** Creates the role, the database and its tables, as {@code adminUser} (trust authentication, no password). */
    static PostgresBenchmarkDatabase create(int port, String adminUser, int tables) throws SQLException {
        requireNonNull(adminUser, "adminUser is null");
        SecureRandom random = new SecureRandom();
        String name = NAME_PREFIX + HexFormat.of().formatHex(randomBytes(random, 4));
        String password = HexFormat.of().formatHex(randomBytes(random, 12));
        PostgresConnection connection = new PostgresConnection(HOST, port, name, name, password);
        PostgresBenchmarkDatabase database = new PostgresBenchmarkDatabase(connection,
                "jdbc:postgresql://" + HOST + ":" + port + "/postgres", adminUser);
        Runtime.getRuntime().addShutdownHook(database.cleanUpOnExit);
        try {
            database.createRoleAndDatabase();
            database.createTables(tables);
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static byte[] randomBytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    PostgresConnection connection() {
        return connection;
    }

    private void createRoleAndDatabase() throws SQLException {
        try (Connection admin = connect(adminUrl, adminUser, ""); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + connection.user() + " LOGIN PASSWORD "
                    + CatalogStatements.literal(connection.password()));
            statement.execute("CREATE DATABASE " + connection.database() + " OWNER " + connection.user());
        }
    }

    private void createTables(int tables) throws SQLException {
        try (Connection owner = connect(connection.url(), connection.user(), connection.password());
                Statement statement = owner.createStatement()) {
            owner.setAutoCommit(false);
            for (int index = 1; index <= tables; index++) {
                statement.addBatch(CatalogStatements.createTable(index, tables));
            }
            statement.executeBatch();
            owner.commit();
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "tributary-bench");
        return DriverManager.getConnection(url, properties);
    }

    /** Drops the database (closing the connections the servers still hold) and the role. Idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs (or ran) anyway.
        }
        drop();
    }

    private synchronized void drop() {
        if (dropped) {
            return;
        }
        try (Connection admin = connect(adminUrl, adminUser, ""); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + connection.database() + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + connection.user());
            dropped = true;
        } catch (SQLException e) {
            System.err.println("tributary bench: could not drop PostgreSQL database and role "
                    + connection.database() + ": " + e.getMessage() + "; drop them by hand");
        }
    }
}
