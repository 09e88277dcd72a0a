package io.tributary.job.sql;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a Flink failure a user needs: the most specific reason (the parser's or the validator's message,
 * not the wrappers around it), and the position in the statement when Flink names one.
 */
public record FlinkErrorMessage(String message, Optional<Position> position) {

    private static final Pattern POSITION =
            Pattern.compile("(?:at|From) line (\\d+), column (\\d+)", Pattern.CASE_INSENSITIVE);
    private static final String[] SPECIFIC = {
        "SqlParserException", "SqlValidateException", "ValidationException", "CalciteContextException",
        "SqlParseException", "TableException", "CatalogException", "DatabaseNotExistException",
        "TableNotExistException", "TableAlreadyExistException"
    };

    public FlinkErrorMessage {
        requireNonNull(message, "message is null");
        requireNonNull(position, "position is null");
    }

    /** A line and column in the statement (both from 1). */
    public record Position(int line, int column) {}

    public static FlinkErrorMessage of(Throwable failure) {
        requireNonNull(failure, "failure is null");
        Throwable chosen = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            root = t;
            if (isSpecific(t) && t.getMessage() != null) {
                chosen = t;
            }
        }
        Throwable source = chosen == null ? root : chosen;
        String message = clean(source.getMessage() == null ? source.getClass().getSimpleName() : source.getMessage());
        if (source != root && root.getMessage() != null) {
            String cause = clean(root.getMessage());
            if (!cause.isBlank() && !message.contains(cause)) {
                message = message + " Cause: " + cause;
            }
        }
        return new FlinkErrorMessage(message, positionIn(failure));
    }

    private static boolean isSpecific(Throwable t) {
        String name = t.getClass().getSimpleName();
        for (String specific : SPECIFIC) {
            if (name.equals(specific)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Position> positionIn(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            Optional<Position> parserPosition = calcitePosition(t);
            if (parserPosition.isPresent()) {
                return parserPosition;
            }
            if (t.getMessage() != null) {
                Matcher matcher = POSITION.matcher(t.getMessage());
                if (matcher.find()) {
                    return Optional.of(new Position(Integer.parseInt(matcher.group(1)),
                            Integer.parseInt(matcher.group(2))));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Calcite's parser exception carries the position even when its message does not. The planner's Calcite lives
     * in Flink's own class loader, so it is read by name.
     */
    private static Optional<Position> calcitePosition(Throwable t) {
        if (!t.getClass().getName().endsWith(".SqlParseException")) {
            return Optional.empty();
        }
        try {
            Object position = t.getClass().getMethod("getPos").invoke(t);
            if (position == null) {
                return Optional.empty();
            }
            int line = (Integer) position.getClass().getMethod("getLineNum").invoke(position);
            int column = (Integer) position.getClass().getMethod("getColumnNum").invoke(position);
            return line > 0 ? Optional.of(new Position(line, column)) : Optional.empty();
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** Drops Flink's "Was expecting one of" token lists and stack-like tails, keeping the first lines. */
    private static String clean(String message) {
        String text = message.strip();
        int expecting = text.indexOf("Was expecting");
        if (expecting > 0) {
            text = text.substring(0, expecting).strip();
        }
        String[] lines = text.split("\\R");
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.length && i < 3; i++) {
            if (lines[i].isBlank() || lines[i].strip().startsWith("at ")) {
                break;
            }
            kept.append(i == 0 ? "" : " ").append(lines[i].strip());
        }
        return kept.toString();
    }
}
