package io.tributary.server.statement;

/** A promotion names a gateway session that is not open, or an operation that session did not run. */
public final class SessionStatementNotFoundException extends RuntimeException {

    SessionStatementNotFoundException(String message) {
        super(message);
    }
}
