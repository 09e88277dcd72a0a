package io.tributary.server.error;

import org.springframework.http.HttpStatus;

/**
 * Every error a client of the management API can see, with its HTTP status and the SQLState the JDBC driver
 * reports for it. One table: a code maps to exactly one status and one SQLState.
 */
public enum ErrorCode {
    INVALID_REQUEST(ErrorType.USER_ERROR, HttpStatus.BAD_REQUEST, "42000"),
    NOT_FOUND(ErrorType.USER_ERROR, HttpStatus.NOT_FOUND, "42S02"),
    METHOD_NOT_ALLOWED(ErrorType.USER_ERROR, HttpStatus.METHOD_NOT_ALLOWED, "42000"),
    UNSUPPORTED_MEDIA_TYPE(ErrorType.USER_ERROR, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "42000"),
    INVALID_STATEMENT(ErrorType.USER_ERROR, HttpStatus.BAD_REQUEST, "42000"),
    ALREADY_EXISTS(ErrorType.USER_ERROR, HttpStatus.CONFLICT, "42710"),
    CONFLICT(ErrorType.USER_ERROR, HttpStatus.CONFLICT, "55000"),
    DEPLOYMENT_FAILED(ErrorType.EXTERNAL, HttpStatus.UNPROCESSABLE_ENTITY, "58000"),
    CLUSTER_UNAVAILABLE(ErrorType.EXTERNAL, HttpStatus.SERVICE_UNAVAILABLE, "08006"),
    EXTERNAL_UNAVAILABLE(ErrorType.EXTERNAL, HttpStatus.BAD_GATEWAY, "08006"),
    INTERNAL_ERROR(ErrorType.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, "XX000");

    private final ErrorType type;
    private final HttpStatus status;
    private final String sqlState;

    ErrorCode(ErrorType type, HttpStatus status, String sqlState) {
        this.type = type;
        this.status = status;
        this.sqlState = sqlState;
    }

    public ErrorType type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String sqlState() {
        return sqlState;
    }
}
