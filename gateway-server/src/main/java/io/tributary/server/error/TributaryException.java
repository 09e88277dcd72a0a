package io.tributary.server.error;

import static java.util.Objects.requireNonNull;

/** An error with a code, raised where it is detected and turned into a response in one place. */
public class TributaryException extends RuntimeException {

    private final ErrorCode code;

    public TributaryException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public TributaryException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
