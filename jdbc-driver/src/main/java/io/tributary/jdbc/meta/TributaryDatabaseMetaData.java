package io.tributary.jdbc.meta;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.DriverProperty;
import io.tributary.jdbc.DriverVersion;
import io.tributary.jdbc.SelfWrapper;
import io.tributary.jdbc.TributaryConnection;
import io.tributary.jdbc.result.Column;
import io.tributary.jdbc.result.ListRowSource;
import io.tributary.jdbc.result.TributaryResultSet;
import io.tributary.jdbc.types.FlinkType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DatabaseMetaData for browsing: catalogs are JDBC catalogs, Flink databases are JDBC schemas. Answers come from
 * {@link CatalogSource} (the management API, or SQL in the session). A catalog that fails to answer (its database
 * is down) is left out with a warning on the connection rather than failing the whole listing.
 */
public final class TributaryDatabaseMetaData extends EmptyMetadata implements SelfWrapper {

    private final TributaryConnection connection;
    private final CatalogSource source;
    private final FunctionSource functions;

    public TributaryDatabaseMetaData(TributaryConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
        this.source = new CatalogSource(connection);
        this.functions = new FunctionSource(connection);
    }

    @Override
    ResultSet result(List<Column> columns, List<Object[]> rows) {
        return new TributaryResultSet(null, new ListRowSource(columns, rows), connection.converter());
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (String catalog : source.catalogs()) {
            rows.add(new Object[] {catalog});
        }
        return result(MetadataColumns.CATALOGS, rows);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        LikePattern pattern = LikePattern.of(schemaPattern);
        for (String name : catalogs(catalog)) {
            for (String database : databases(name)) {
                if (pattern.matches(database)) {
                    rows.add(new Object[] {database, name});
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[1]).thenComparing(row -> (String) row[0]));
        return result(MetadataColumns.SCHEMAS, rows);
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableEntry table : tables(catalog, schemaPattern, tableNamePattern, types)) {
            rows.add(new Object[] {table.catalog(), table.database(), table.name(), table.type(), null, null, null,
                null, null, null});
        }
        return result(MetadataColumns.TABLES, rows);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        LikePattern columnPattern = LikePattern.of(columnNamePattern);
        List<Object[]> rows = new ArrayList<>();
        for (TableEntry table : tables(catalog, schemaPattern, tableNamePattern, null)) {
            TableShape shape = shape(table);
            if (shape == null) {
                continue;
            }
            int position = 0;
            for (TableShape.ColumnShape column : shape.columns()) {
                position++;
                if (columnPattern.matches(column.name())) {
                    rows.add(ColumnRows.column(table, column, position));
                }
            }
        }
        return result(MetadataColumns.COLUMNS, rows);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableEntry entry : tables(catalog, nameOrPattern(schema), nameOrPattern(table), null)) {
            TableShape shape = shape(entry);
            List<String> key = shape == null ? List.of() : shape.primaryKey();
            for (int i = 0; i < key.size(); i++) {
                rows.add(new Object[] {entry.catalog(), entry.database(), entry.name(), key.get(i), (short) (i + 1),
                    "PK_" + entry.name()});
            }
        }
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[3]));
        return result(MetadataColumns.PRIMARY_KEYS, rows);
    }

    /** The primary key, which identifies a row for as long as the session lasts. */
    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (TableEntry entry : tables(catalog, nameOrPattern(schema), nameOrPattern(table), null)) {
            TableShape shape = shape(entry);
            if (shape == null) {
                continue;
            }
            for (TableShape.ColumnShape column : shape.columns()) {
                if (shape.primaryKey().contains(column.name())) {
                    FlinkType type = column.type();
                    rows.add(new Object[] {(short) DatabaseMetaData.bestRowSession, column.name(), type.jdbcType(),
                        type.baseName(), type.columnSize(), null, (short) type.decimalDigits(),
                        (short) DatabaseMetaData.bestRowNotPseudo});
                }
            }
        }
        return result(MetadataColumns.ROW_IDENTIFIERS, rows);
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        return result(MetadataColumns.FUNCTIONS, functions.rows(catalog, LikePattern.of(schemaPattern),
                LikePattern.ignoringCase(functionNamePattern)));
    }

    /** A table name that is not a pattern (getPrimaryKeys) stays exact unless a tool passes '%' anyway. */
    private static String nameOrPattern(String name) {
        return name == null || name.contains("%") ? name : name.replace("\\", "\\\\").replace("_", "\\_");
    }

    private List<String> catalogs(String catalog) throws SQLException {
        if (catalog == null) {
            return source.catalogs();
        }
        return catalog.isEmpty() ? List.of() : List.of(catalog);
    }

    private List<String> databases(String catalog) throws SQLException {
        try {
            return source.databases(catalog);
        } catch (SQLException e) {
            skipped("the databases of catalog " + catalog, e);
            return List.of();
        }
    }

    private List<TableEntry> tables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        Set<String> wanted = null;
        if (types != null) {
            wanted = new HashSet<>();
            for (String type : types) {
                if (type != null) {
                    wanted.add(type.toUpperCase(Locale.ROOT));
                }
            }
        }
        LikePattern schemas = LikePattern.of(schemaPattern);
        LikePattern names = LikePattern.of(tableNamePattern);
        List<TableEntry> tables = new ArrayList<>();
        for (String name : catalogs(catalog)) {
            for (String database : databases(name)) {
                if (!schemas.matches(database)) {
                    continue;
                }
                try {
                    for (TableEntry table : source.tables(name, database)) {
                        if (names.matches(table.name()) && (wanted == null || wanted.contains(table.type()))) {
                            tables.add(table);
                        }
                    }
                } catch (SQLException e) {
                    skipped("the tables of " + name + "." + database, e);
                }
            }
        }
        tables.sort(Comparator.comparing(TableEntry::type).thenComparing(TableEntry::catalog)
                .thenComparing(TableEntry::database).thenComparing(TableEntry::name));
        return tables;
    }

    private TableShape shape(TableEntry table) {
        try {
            return source.table(table.catalog(), table.database(), table.name());
        } catch (SQLException e) {
            skipped("the columns of " + table.catalog() + "." + table.database() + "." + table.name(), e);
            return null;
        }
    }

    private void skipped(String what, SQLException e) {
        connection.warn(new SQLWarning("left out " + what + ": " + e.getMessage(), e.getSQLState(),
                e.getErrorCode(), e));
    }

    @Override
    public String getURL() {
        return connection.settings().url();
    }

    @Override
    public String getUserName() {
        String user = connection.settings().get(DriverProperty.USER);
        return user == null ? "" : user;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName() {
        return "Apache Flink";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return connection.serverVersion();
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    private int versionPart(int index) throws SQLException {
        String[] parts = connection.serverVersion().split("[.-]");
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String getDriverName() {
        return "Tributary JDBC Driver";
    }

    @Override
    public String getDriverVersion() {
        return DriverVersion.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return DriverVersion.MINOR;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }
}
