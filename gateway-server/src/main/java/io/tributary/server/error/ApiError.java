package io.tributary.server.error;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every error response of the management API; {@code details} carries what a client may act on
 * (the field at fault, the position in a statement, the state that forbids an operation).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String type, String message, String sqlState, Map<String, Object> details) {

    public ApiError {
        requireNonNull(code, "code is null");
        requireNonNull(type, "type is null");
        requireNonNull(message, "message is null");
        details = Map.copyOf(details);
    }

    static ApiError of(ErrorCode code, String message, Map<String, Object> details) {
        return new ApiError(code.name(), code.type().name(), message, code.sqlState(), details);
    }
}
