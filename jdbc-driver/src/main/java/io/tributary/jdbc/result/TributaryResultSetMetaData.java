package io.tributary.jdbc.result;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.SelfWrapper;
import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.TypeRoot;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** The columns of a result: labels, Flink types with their JDBC types, precision and scale, source tables. */
public final class TributaryResultSetMetaData implements ResultSetMetaData, SelfWrapper {

    private final List<Column> columns;

    public TributaryResultSetMetaData(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    private Column column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "column index " + column + " is not between 1 and "
                    + columns.size());
        }
        return columns.get(column - 1);
    }

    private FlinkType type(int column) throws SQLException {
        return column(column).type();
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        TypeRoot root = type(column).root();
        return root == TypeRoot.CHAR || root == TypeRoot.VARCHAR;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return type(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return type(column).isNumeric();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return type(column).displaySize();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return column(column).schema();
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return type(column).columnSize();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return type(column).decimalDigits();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return column(column).table();
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return column(column).catalog();
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return type(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return type(column).baseName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        String name = type(column).root().javaClassName();
        return name.equals("[B") ? "[B" : name;
    }
}
