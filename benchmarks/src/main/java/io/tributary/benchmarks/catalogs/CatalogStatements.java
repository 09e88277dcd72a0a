package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of the catalogs benchmark: the catalogs it defines through a gateway session ({@code c01}, {@code c02},
 * ...: in-memory ones first, the JDBC ones over PostgreSQL last) and the tables of its PostgreSQL database.
 */
public final class CatalogStatements {

    private CatalogStatements() {}

    /** A catalog the benchmark defines: its name, type and {@code CREATE CATALOG} statement. */
    public record CatalogDefinition(String name, String type, String createStatement) {

        public CatalogDefinition {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            requireNonNull(createStatement, "createStatement is null");
        }
    }

    /** {@code count} catalogs, the last {@code jdbcCount} of them JDBC catalogs over {@code postgres}. */
    public static List<CatalogDefinition> catalogs(int count, int jdbcCount, PostgresConnection postgres) {
        requireNonNull(postgres, "postgres is null");
        if (count < 1 || jdbcCount < 0 || jdbcCount > count) {
            throw new IllegalArgumentException("need 1 or more catalogs, at most all of them JDBC: " + count + ", "
                    + jdbcCount);
        }
        List<CatalogDefinition> catalogs = new ArrayList<>(count);
        for (int index = 1; index <= count; index++) {
            String name = String.format(Locale.ROOT, "c%02d", index);
            catalogs.add(index <= count - jdbcCount
                    ? new CatalogDefinition(name, "generic_in_memory",
                            "CREATE CATALOG " + name + " WITH ('type' = 'generic_in_memory')")
                    : new CatalogDefinition(name, "jdbc", jdbcCatalog(name, postgres)));
        }
        return List.copyOf(catalogs);
    }

    /** A JDBC catalog over the PostgreSQL database, its default database that database. */
    public static String jdbcCatalog(String name, PostgresConnection postgres) {
        return "CREATE CATALOG " + name + " WITH ('type' = 'jdbc'"
                + ", 'base-url' = " + literal(postgres.baseUrl())
                + ", 'default-database' = " + literal(postgres.database())
                + ", 'username' = " + literal(postgres.user())
                + ", 'password' = " + literal(postgres.password()) + ")";
    }

    /** The {@code index}-th (from 1) of {@code count} tables: {@code t_001} ... in schema public. */
    public static String createTable(int index, int count) {
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("table " + index + " of " + count);
        }
        return "CREATE TABLE public." + tableName(index, count)
                + " (id BIGINT PRIMARY KEY, customer VARCHAR(64) NOT NULL, amount NUMERIC(12, 2),"
                + " created_at TIMESTAMP)";
    }

    static String tableName(int index, int count) {
        int width = Math.max(3, Integer.toString(count).length());
        return "t_" + String.format(Locale.ROOT, "%0" + width + "d", index);
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
