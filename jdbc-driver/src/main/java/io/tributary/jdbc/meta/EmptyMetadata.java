package io.tributary.jdbc.meta;

import io.tributary.jdbc.result.Column;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The DatabaseMetaData answers that are empty for Flink, well-formed (standard columns, standard order): Flink
 * tables have no foreign keys, indexes, privileges, version columns, user-defined types or supertables, and the
 * catalogs Tributary serves list no stored procedures.
 */
abstract class EmptyMetadata extends SqlCapabilities {

    /** A result of these columns and rows. */
    abstract ResultSet result(List<Column> columns, List<Object[]> rows) throws SQLException;

    private ResultSet empty(List<Column> columns) throws SQLException {
        return result(columns, List.of());
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.KEYS);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.KEYS);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return empty(MetadataColumns.KEYS);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return empty(MetadataColumns.INDEX_INFO);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        return empty(MetadataColumns.ROW_IDENTIFIERS);
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        return empty(MetadataColumns.COLUMN_PRIVILEGES);
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(MetadataColumns.TABLE_PRIVILEGES);
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        return empty(MetadataColumns.PROCEDURES);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.PROCEDURE_COLUMNS);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.FUNCTION_COLUMNS);
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        return empty(MetadataColumns.UDTS);
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
            throws SQLException {
        return empty(MetadataColumns.SUPER_TYPES);
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        return empty(MetadataColumns.SUPER_TABLES);
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) throws SQLException {
        return empty(MetadataColumns.ATTRIBUTES);
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        return empty(MetadataColumns.PSEUDO_COLUMNS);
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return result(MetadataColumns.CLIENT_INFO, List.<Object[]>of(new Object[] {"ApplicationName", 256, null,
            "The application's name; kept by the connection (the server does not use it yet)"}));
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return result(MetadataColumns.TABLE_TYPES, List.of(new Object[] {"TABLE"}, new Object[] {"VIEW"}));
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return result(MetadataColumns.TYPE_INFO, TypeInfoRows.rows());
    }
}
