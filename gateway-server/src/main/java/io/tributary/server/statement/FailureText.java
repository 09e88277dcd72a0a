package io.tributary.server.statement;

import io.tributary.catalog.secret.SecretRedactor;

/** A failure as the statement history stores it: every cause's message, in order, credentials masked. */
final class FailureText {

    private static final int MAX_LENGTH = 64 * 1024;

    private FailureText() {}

    static String of(Throwable failure, SecretRedactor redactor) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (Throwable t = failure; t != null && text.length() < MAX_LENGTH;
                t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage().strip();
            if (message.equals(previous)) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\nCaused by: ").append(message);
            previous = message;
        }
        String masked = redactor.redact(text.toString());
        return masked.length() <= MAX_LENGTH ? masked : masked.substring(0, MAX_LENGTH);
    }
}
