package io.tributary.jdbc.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.SelfWrapper;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters of a prepared statement: how many there are, and the type each was set with. Flink does not
 * describe parameters before they are set (there are no server-side parameters), so an unset one is VARCHAR,
 * nullable unknown, mode IN.
 */
final class TributaryParameterMetaData implements ParameterMetaData, SelfWrapper {

    private final TributaryPreparedStatement statement;

    TributaryParameterMetaData(TributaryPreparedStatement statement) {
        this.statement = requireNonNull(statement, "statement is null");
    }

    private int type(int param) throws SQLException {
        if (param < 1 || param > statement.parameterCount()) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "parameter index " + param + " is not between 1 and "
                    + statement.parameterCount());
        }
        int type = statement.parameterType(param);
        return type == Types.OTHER ? Types.VARCHAR : type;
    }

    @Override
    public int getParameterCount() {
        return statement.parameterCount();
    }

    @Override
    public int isNullable(int param) throws SQLException {
        type(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        int type = type(param);
        return type == Types.TINYINT || type == Types.SMALLINT || type == Types.INTEGER || type == Types.BIGINT
                || type == Types.REAL || type == Types.FLOAT || type == Types.DOUBLE || type == Types.DECIMAL
                || type == Types.NUMERIC;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        type(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        type(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return type(param);
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        String name = SqlLiterals.typeName(type(param));
        return name == null ? JDBCType.valueOf(type(param)).getName() : name;
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        switch (type(param)) {
            case Types.BOOLEAN:
                return Boolean.class.getName();
            case Types.TINYINT:
                return Byte.class.getName();
            case Types.SMALLINT:
                return Short.class.getName();
            case Types.INTEGER:
                return Integer.class.getName();
            case Types.BIGINT:
                return Long.class.getName();
            case Types.REAL:
                return Float.class.getName();
            case Types.DOUBLE:
                return Double.class.getName();
            case Types.DECIMAL:
                return java.math.BigDecimal.class.getName();
            case Types.VARBINARY:
                return "[B";
            case Types.DATE:
                return java.sql.Date.class.getName();
            case Types.TIME:
                return java.sql.Time.class.getName();
            case Types.TIMESTAMP:
                return java.sql.Timestamp.class.getName();
            default:
                return String.class.getName();
        }
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        type(param);
        return parameterModeIn;
    }
}
