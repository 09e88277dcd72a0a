package io.tributary.server.testing;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own on a {@link DatabaseServer}, owned by a user of its own with a password (Flink's JDBC
 * catalog rejects an empty one): created for one test class, dropped with its user on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final DatabaseServer server;
    private final String name;
    private final String user;
    private final String password;

    private ScratchDatabase(DatabaseServer server, String name, String user, String password) {
        this.server = requireNonNull(server, "server is null");
        this.name = requireNonNull(name, "name is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
    }

    public static ScratchDatabase create(DatabaseServer server) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        ScratchDatabase database = new ScratchDatabase(server, "tributary_it_" + suffix, "tributary_it_" + suffix,
                "pw-" + UUID.randomUUID());
        database.administer(server.create(database.name, database.user, database.password));
        return database;
    }

    public DatabaseServer server() {
        return server;
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of this database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/tributary_it_...}. */
    public String jdbcUrl() {
        return server.baseUrl() + "/" + name;
    }

    /** Runs statements as this database's own user. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The rows of a query run as this database's own user, each as the list of its column values. */
    public List<List<Object>> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(rows.getObject(column));
                }
                result.add(Collections.unmodifiableList(row));
            }
            return List.copyOf(result);
        }
    }

    @Override
    public void close() {
        administer(server.drop(name, user));
    }

    private void administer(List<String> statements) {
        try (Connection connection = DriverManager.getConnection(server.administrationUrl(), server.administrator(),
                "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot administer " + server + " at " + server.baseUrl()
                    + " (start it as .ci/run does): " + e.getMessage(), e);
        }
    }
}
