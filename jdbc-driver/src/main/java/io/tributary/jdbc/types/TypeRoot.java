package io.tributary.jdbc.types;

import java.sql.Types;

/**
 * Flink's logical type roots (the {@code type} member of the gateway's logicalType JSON), each with the JDBC type
 * the driver reports for it, the Java class {@code getObject} returns, and the SQL name Flink prints.
 */
public enum TypeRoot {
    CHAR(Types.CHAR, "java.lang.String", "CHAR"),
    VARCHAR(Types.VARCHAR, "java.lang.String", "VARCHAR"),
    BOOLEAN(Types.BOOLEAN, "java.lang.Boolean", "BOOLEAN"),
    BINARY(Types.BINARY, "[B", "BINARY"),
    VARBINARY(Types.VARBINARY, "[B", "VARBINARY"),
    DECIMAL(Types.DECIMAL, "java.math.BigDecimal", "DECIMAL"),
    TINYINT(Types.TINYINT, "java.lang.Byte", "TINYINT"),
    SMALLINT(Types.SMALLINT, "java.lang.Short", "SMALLINT"),
    INTEGER(Types.INTEGER, "java.lang.Integer", "INT"),
    BIGINT(Types.BIGINT, "java.lang.Long", "BIGINT"),
    FLOAT(Types.REAL, "java.lang.Float", "FLOAT"),
    DOUBLE(Types.DOUBLE, "java.lang.Double", "DOUBLE"),
    DATE(Types.DATE, "java.sql.Date", "DATE"),
    TIME_WITHOUT_TIME_ZONE(Types.TIME, "java.sql.Time", "TIME"),
    TIMESTAMP_WITHOUT_TIME_ZONE(Types.TIMESTAMP, "java.sql.Timestamp", "TIMESTAMP"),
    TIMESTAMP_WITH_TIME_ZONE(Types.TIMESTAMP_WITH_TIMEZONE, "java.time.OffsetDateTime", "TIMESTAMP WITH TIME ZONE"),
    TIMESTAMP_WITH_LOCAL_TIME_ZONE(Types.TIMESTAMP_WITH_TIMEZONE, "java.time.OffsetDateTime", "TIMESTAMP_LTZ"),
    INTERVAL_YEAR_MONTH(Types.OTHER, "java.time.Period", "INTERVAL YEAR TO MONTH"),
    INTERVAL_DAY_TIME(Types.OTHER, "java.time.Duration", "INTERVAL DAY TO SECOND"),
    ARRAY(Types.ARRAY, "java.sql.Array", "ARRAY"),
    MULTISET(Types.JAVA_OBJECT, "java.util.Map", "MULTISET"),
    MAP(Types.JAVA_OBJECT, "java.util.Map", "MAP"),
    ROW(Types.STRUCT, "java.sql.Struct", "ROW"),
    DISTINCT_TYPE(Types.DISTINCT, "java.lang.Object", "DISTINCT"),
    STRUCTURED_TYPE(Types.STRUCT, "java.sql.Struct", "STRUCTURED"),
    NULL(Types.NULL, "java.lang.Object", "NULL"),
    RAW(Types.OTHER, "java.lang.Object", "RAW"),
    SYMBOL(Types.OTHER, "java.lang.Object", "SYMBOL"),
    UNRESOLVED(Types.OTHER, "java.lang.Object", "UNRESOLVED");

    private final int jdbcType;
    private final String javaClassName;
    private final String sqlName;

    TypeRoot(int jdbcType, String javaClassName, String sqlName) {
        this.jdbcType = jdbcType;
        this.javaClassName = javaClassName;
        this.sqlName = sqlName;
    }

    /** The {@link Types} constant the driver reports for values of this root. */
    public int jdbcType() {
        return jdbcType;
    }

    /** The class of the value {@code getObject} returns, as {@code ResultSetMetaData.getColumnClassName} names it. */
    public String javaClassName() {
        return javaClassName;
    }

    /** The SQL name Flink prints for the type, without parameters. */
    public String sqlName() {
        return sqlName;
    }

    /** The root of a logicalType JSON {@code type} value; unknown names (a newer server) are {@link #UNRESOLVED}. */
    public static TypeRoot fromJson(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UNRESOLVED;
        }
    }
}
