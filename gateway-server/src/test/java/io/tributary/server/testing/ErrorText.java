package io.tributary.server.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a client of Flink's JDBC driver can read from an error: the messages of the exception and of all its
 * causes. Flink's driver (1.20) throws {@code org.apache.flink.table.client.gateway.SqlExecutionException}, whose own
 * message only says "Failed to get response for the operation ..."; the gateway's reason (the server-side exception
 * chain as text) is in the message of its cause.
 */
public final class ErrorText {

    private ErrorText() {}

    public static String of(Throwable error) {
        List<String> messages = new ArrayList<>();
        Throwable current = error;
        while (current != null) {
            messages.add(current.getClass().getName() + ": " + current.getMessage());
            current = current.getCause() == current ? null : current.getCause();
        }
        return String.join("\n", messages);
    }
}
