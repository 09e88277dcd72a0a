package io.tributary.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The PostgreSQL tables (on 127.0.0.1:5432, trust authentication) that the tests' running-count jobs upsert into:
 * one row, key 1, with the count so far. A job's progress, and whether its state survived a stop, read from there.
 */
public final class CountTables {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private CountTables() {
    }

    /** The table, created empty (dropped first if it exists). */
    public static String create(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " (k INT PRIMARY KEY, n BIGINT NOT NULL)");
        }
        return table;
    }

    public static OptionalLong count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT n FROM " + table + " WHERE k = 1")) {
            return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
        }
    }

    public static long awaitAtLeast(String table, long minimum) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong current = count(table);
            if (current.isPresent() && current.getAsLong() >= minimum) {
                return current.getAsLong();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the count in " + table + " did not reach " + minimum);
    }

    /** The first value the count takes that differs from {@code previous}. */
    public static long awaitChange(String table, long previous) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong current = count(table);
            if (current.isPresent() && current.getAsLong() != previous) {
                return current.getAsLong();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the count in " + table + " stayed at " + previous);
    }
}
