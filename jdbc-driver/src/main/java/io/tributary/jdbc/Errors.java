package io.tributary.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the driver's exceptions: the subclass JDBC defines for the SQLState, the vendor code of the
 * {@link ErrorCode}, and the server's operation id in the message so that a user can quote it.
 */
public final class Errors {

    private static final Pattern CAUSED_BY = Pattern.compile("Caused by: ([\\w.$]+): (.*)");

    private Errors() {}

    public static SQLException of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    public static SQLException of(ErrorCode code, String message, Throwable cause) {
        String state = code.sqlState();
        int vendor = code.vendorCode();
        switch (code) {
            case SYNTAX_ERROR:
            case OBJECT_NOT_FOUND:
            case COLUMN_NOT_FOUND:
            case INVALID_STATEMENT:
                return new SQLSyntaxErrorException(message, state, vendor, cause);
            case CANCELLED:
                return new SQLException(message, state, vendor, cause);
            case TIMEOUT:
                return new SQLTimeoutException(message, state, vendor, cause);
            case CONNECTION_FAILED:
            case INVALID_CONNECTION_PROPERTY:
            case CLOSED:
                return new SQLNonTransientConnectionException(message, state, vendor, cause);
            case CONNECTION_LOST:
                return new SQLTransientConnectionException(message, state, vendor, cause);
            case AUTHENTICATION_FAILED:
                return new SQLInvalidAuthorizationSpecException(message, state, vendor, cause);
            case NOT_SUPPORTED:
                return new SQLFeatureNotSupportedException(message, state, vendor, cause);
            default:
                return new SQLException(message, state, vendor, cause);
        }
    }

    public static SQLFeatureNotSupportedException notSupported(String what) {
        return (SQLFeatureNotSupportedException) of(ErrorCode.NOT_SUPPORTED, what + " is not supported: "
                + "Flink SQL has no counterpart");
    }

    /**
     * An error the gateway reported for a statement: the most specific cause Flink gave (the parser's or the
     * validator's message, with its position), classified, with the operation id.
     */
    public static SQLException fromGateway(String serverText, String operation) {
        String reason = mostSpecificReason(serverText);
        String message = reason + (operation == null ? "" : " [operation " + operation + "]");
        return of(classify(serverText, reason), message);
    }

    static ErrorCode classify(String serverText, String reason) {
        String text = serverText == null ? "" : serverText;
        String lower = reason.toLowerCase(Locale.ROOT);
        if (text.contains("SqlParserException") || text.contains("SqlParseException")) {
            return ErrorCode.SYNTAX_ERROR;
        }
        if (text.contains("does not exist") && text.contains("Session")
                || text.contains("SqlGatewayException: Session '")) {
            return ErrorCode.CONNECTION_LOST;
        }
        if (lower.contains("column '") && lower.contains("not found")) {
            return ErrorCode.COLUMN_NOT_FOUND;
        }
        if (lower.contains("not found") || lower.contains("does not exist") || lower.contains("doesn't exist")) {
            return ErrorCode.OBJECT_NOT_FOUND;
        }
        if (text.contains("ValidationException") || text.contains("SqlValidatorException")) {
            return ErrorCode.INVALID_STATEMENT;
        }
        if (text.contains("executionTimeout")) {
            return ErrorCode.TIMEOUT;
        }
        if (text.contains("JobCancellationException") || lower.contains("is cancelled")
                || lower.contains("was cancelled") || lower.contains("is canceled")) {
            return ErrorCode.CANCELLED;
        }
        return ErrorCode.EXECUTION_FAILED;
    }

    /**
     * The deepest "Caused by" of the server's text that is not one of the gateway's own wrappers, e.g.
     * {@code SQL validation failed. From line 1, column 15 to line 1, column 18: Object 'nope' not found}.
     */
    static String mostSpecificReason(String serverText) {
        if (serverText == null || serverText.isBlank()) {
            return "the server reported an error without a message";
        }
        java.util.List<String> reasons = new java.util.ArrayList<>();
        String first = null;
        for (String line : serverText.split("\n")) {
            Matcher matcher = CAUSED_BY.matcher(line.trim());
            if (!matcher.matches()) {
                continue;
            }
            String type = matcher.group(1);
            String message = matcher.group(2).trim();
            first = first == null ? message : first;
            if (!(type.endsWith("SqlGatewayException") || type.endsWith("SqlExecutionException")
                    || type.startsWith("org.apache.calcite") || message.isEmpty())) {
                reasons.add(message);
            }
        }
        if (!reasons.isEmpty()) {
            String top = reasons.get(0);
            String root = reasons.get(reasons.size() - 1);
            return top.contains(root) ? top : top + " Caused by: " + root;
        }
        if (first != null) {
            return first;
        }
        return serverText.strip().split("\n", 2)[0];
    }
}
