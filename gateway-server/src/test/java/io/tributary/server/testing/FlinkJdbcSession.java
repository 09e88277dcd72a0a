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

/**
 * One session of Flink's own JDBC driver ({@code jdbc:flink://...}) on a Tributary gateway, in batch mode with
 * synchronous DML, so that an {@code INSERT} has finished when {@link #execute} returns.
 */
public final class FlinkJdbcSession implements AutoCloseable {

    private final Connection connection;

    private FlinkJdbcSession(Connection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    public static FlinkJdbcSession open(TestServer server) throws SQLException {
        FlinkJdbcSession session = new FlinkJdbcSession(DriverManager.getConnection(server.flinkJdbcUrl()));
        session.execute("SET 'execution.runtime-mode' = 'batch'");
        session.execute("SET 'table.dml-sync' = 'true'");
        return session;
    }

    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Runs a statement that must fail and returns what the client can read of the error ({@link ErrorText}); throws
     * {@link AssertionError} if the statement succeeded.
     */
    public String errorOf(String sql) {
        try {
            execute(sql);
        } catch (SQLException | RuntimeException e) {
            return ErrorText.of(e);
        }
        throw new AssertionError("the statement succeeded but should have failed: " + sql);
    }

    /** The rows of a query, each as the list of its column values ({@link ResultSet#getObject}). */
    public List<List<Object>> query(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
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
    public void close() throws SQLException {
        connection.close();
    }
}
