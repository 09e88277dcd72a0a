package io.tributary.jdbc;

/**
 * Every error the driver reports: its vendor code ({@code SQLException.getErrorCode()}) and SQLState. Tests and
 * applications can rely on both; the text may change.
 */
public enum ErrorCode {
    /** The statement does not parse. */
    SYNTAX_ERROR(1, "42601"),
    /** A table, view, catalog or database that does not exist. */
    OBJECT_NOT_FOUND(2, "42S02"),
    /** A column that does not exist. */
    COLUMN_NOT_FOUND(3, "42S22"),
    /** The statement parses but is invalid (types, functions, options). */
    INVALID_STATEMENT(4, "42000"),
    /** The statement failed while it ran (a connector, the job). */
    EXECUTION_FAILED(5, "58000"),
    /** Cancelled by {@code Statement.cancel()}. */
    CANCELLED(6, "57014"),
    /** The query timeout ({@code setQueryTimeout}) passed: the statement was cancelled on the server. */
    TIMEOUT(7, "57014"),
    /** The server cannot be reached. */
    CONNECTION_FAILED(8, "08001"),
    /** The server went away or the session is gone (idle timeout, server restart). */
    CONNECTION_LOST(9, "08006"),
    /** The server refused the credentials. */
    AUTHENTICATION_FAILED(10, "28000"),
    /** The connection or statement was closed. */
    CLOSED(11, "08003"),
    /** The application asked for something invalid (a bad argument, an unknown column label). */
    INVALID_ARGUMENT(12, "HY000"),
    /** A value cannot be converted to the type asked for. */
    INVALID_CONVERSION(13, "22018"),
    /** The URL or a connection property is wrong. */
    INVALID_CONNECTION_PROPERTY(14, "08001"),
    /** The server answered something the driver cannot read. */
    PROTOCOL_ERROR(15, "08P01"),
    /** The server reported an error of its own. */
    SERVER_ERROR(16, "XX000"),
    /** A parameter of a prepared statement has no value. */
    PARAMETER_NOT_SET(17, "07001"),
    /** A JDBC feature Flink SQL has no counterpart for (transactions, updatable result sets). */
    NOT_SUPPORTED(18, "0A000");

    private final int vendorCode;
    private final String sqlState;

    ErrorCode(int vendorCode, String sqlState) {
        this.vendorCode = vendorCode;
        this.sqlState = sqlState;
    }

    public int vendorCode() {
        return vendorCode;
    }

    public String sqlState() {
        return sqlState;
    }
}
