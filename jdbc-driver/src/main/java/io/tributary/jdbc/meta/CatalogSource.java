package io.tributary.jdbc.meta;

import static io.tributary.jdbc.TributaryConnection.quote;
import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.TributaryConnection;
import io.tributary.jdbc.client.ManagementClient;
import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.FlinkTypeParser;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where DatabaseMetaData learns about catalogs, databases, tables and columns: Tributary's management API when
 * it answers (one HTTP request, no Flink statement), and SQL in the session (SHOW ... / DESCRIBE) when it does not,
 * when a catalog is not in the catalog store, or once the session created temporary objects, which only the
 * session can see.
 */
final class CatalogSource {

    private final TributaryConnection connection;

    CatalogSource(TributaryConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    private ManagementClient management() {
        return connection.management();
    }

    /** A failure of the management API that SQL can make up for: unreachable, or an object it does not store. */
    private static boolean recoverable(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("42") || state.startsWith("XX");
    }

    List<String> catalogs() throws SQLException {
        if (management() != null) {
            try {
                return sorted(management().catalogs());
            } catch (SQLException e) {
                if (!recoverable(e)) {
                    throw e;
                }
            }
        }
        return sorted(firstColumn("SHOW CATALOGS"));
    }

    List<String> databases(String catalog) throws SQLException {
        if (management() != null) {
            try {
                return sorted(management().databases(catalog));
            } catch (SQLException e) {
                if (!recoverable(e)) {
                    throw e;
                }
            }
        }
        return sorted(firstColumn("SHOW DATABASES FROM " + quote(catalog)));
    }

    List<TableEntry> tables(String catalog, String database) throws SQLException {
        if (management() != null && !connection.hasTemporaryObjects()) {
            try {
                List<TableEntry> tables = new ArrayList<>();
                for (Map<?, ?> table : management().tables(catalog, database)) {
                    tables.add(new TableEntry(catalog, database, String.valueOf(table.get("name")),
                            "VIEW".equals(table.get("kind")) ? "VIEW" : "TABLE"));
                }
                return tables;
            } catch (SQLException e) {
                if (!recoverable(e)) {
                    throw e;
                }
            }
        }
        Set<String> views = new HashSet<>(views(catalog, database));
        List<TableEntry> tables = new ArrayList<>();
        for (String name : sorted(firstColumn("SHOW TABLES FROM " + quote(catalog) + "." + quote(database)))) {
            tables.add(new TableEntry(catalog, database, name, views.contains(name) ? "VIEW" : "TABLE"));
        }
        return tables;
    }

    /** Flink 1.20 has SHOW VIEWS only for the current database: the session moves there and back. */
    private List<String> views(String catalog, String database) throws SQLException {
        String currentCatalog = connection.currentCatalog();
        String currentDatabase = connection.currentDatabase();
        if (catalog.equals(currentCatalog) && database.equals(currentDatabase)) {
            return firstColumn("SHOW VIEWS");
        }
        connection.setCatalog(catalog);
        connection.setSchema(database);
        try {
            return firstColumn("SHOW VIEWS");
        } finally {
            connection.setCatalog(currentCatalog);
            connection.setSchema(currentDatabase);
        }
    }

    TableShape table(String catalog, String database, String table) throws SQLException {
        Map<?, ?> details = null;
        if (management() != null && !connection.hasTemporaryObjects()) {
            try {
                details = management().table(catalog, database, table);
                TableShape shape = fromManagement(details);
                if (shape != null) {
                    return shape;
                }
            } catch (SQLException e) {
                if (!recoverable(e)) {
                    throw e;
                }
            }
        }
        TableShape described = describe(catalog, database, table);
        return details == null ? described : withComments(described, details);
    }

    /** DESCRIBE's columns (computed ones typed) with the comments only the management API reports. */
    private static TableShape withComments(TableShape described, Map<?, ?> details) {
        Map<String, String> comments = new java.util.HashMap<>();
        if (details.get("columns") instanceof List) {
            for (Object member : (List<?>) details.get("columns")) {
                Map<?, ?> column = (Map<?, ?>) member;
                String comment = text(column.get("comment"));
                if (comment != null) {
                    comments.put(String.valueOf(column.get("name")), comment);
                }
            }
        }
        List<TableShape.ColumnShape> columns = new ArrayList<>();
        for (TableShape.ColumnShape column : described.columns()) {
            columns.add(new TableShape.ColumnShape(column.name(), column.type(), comments.get(column.name()),
                    column.expression()));
        }
        return new TableShape(text(details.get("comment")), columns, described.primaryKey());
    }

    /** The management API's answer, or null when a column's type is missing (computed columns: DESCRIBE has it). */
    private static TableShape fromManagement(Map<?, ?> details) {
        List<TableShape.ColumnShape> columns = new ArrayList<>();
        Object members = details.get("columns");
        if (!(members instanceof List)) {
            return null;
        }
        for (Object member : (List<?>) members) {
            Map<?, ?> column = (Map<?, ?>) member;
            Object type = column.get("type");
            if (!(type instanceof String)) {
                return null;
            }
            FlinkType parsed = FlinkTypeParser.parse((String) type);
            boolean nullable = !Boolean.FALSE.equals(column.get("nullable"));
            columns.add(new TableShape.ColumnShape(String.valueOf(column.get("name")), parsed.withNullable(nullable),
                    text(column.get("comment")), expression(column.get("expression"))));
        }
        List<String> primaryKey = new ArrayList<>();
        if (details.get("primaryKey") instanceof List) {
            for (Object name : (List<?>) details.get("primaryKey")) {
                primaryKey.add(String.valueOf(name));
            }
        }
        return new TableShape(text(details.get("comment")), columns, primaryKey);
    }

    private TableShape describe(String catalog, String database, String table) throws SQLException {
        List<TableShape.ColumnShape> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        for (Object[] row : connection.query("DESCRIBE " + quote(catalog) + "." + quote(database) + "."
                + quote(table))) {
            FlinkType type = FlinkTypeParser.parse(String.valueOf(row[1]));
            boolean nullable = !Boolean.FALSE.equals(row[2]);
            String extras = text(row.length > 4 ? row[4] : null);
            columns.add(new TableShape.ColumnShape(String.valueOf(row[0]), type.withNullable(nullable), null,
                    extras != null && extras.startsWith("AS ") ? extras.substring(3) : null));
            String key = text(row[3]);
            if (key != null && key.startsWith("PRI(") && primaryKey.isEmpty()) {
                for (String name : key.substring(4, key.length() - 1).split(",")) {
                    primaryKey.add(name.trim());
                }
            }
        }
        return new TableShape(null, columns, primaryKey);
    }

    private List<String> firstColumn(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object[] row : connection.query(sql)) {
            values.add(String.valueOf(row[0]));
        }
        return values;
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    /** The management API prints expressions bracketed: [`id` * 2]. */
    private static String expression(Object value) {
        String text = text(value);
        return text != null && text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1)
                : text;
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(null);
        return copy;
    }
}
