package io.tributary.server.error;

import static java.util.Objects.requireNonNull;

/** The body of every error response of the management API. */
public record ApiError(String code, String type, String message, String sqlState) {

    public ApiError {
        requireNonNull(code, "code is null");
        requireNonNull(type, "type is null");
        requireNonNull(message, "message is null");
    }

    static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), code.type().name(), message, code.sqlState());
    }
}
