package io.tributary.job.promote;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What kind of statement a promoted text is, read from its leading keywords (comments and spaces skipped). */
enum StatementShape {
    QUERY,
    INSERT,
    STATEMENT_SET,
    OTHER;

    private static final Pattern LEADING_NOISE = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)+",
            Pattern.DOTALL);
    private static final Pattern STATEMENT_SET_BLOCK =
            Pattern.compile("\\A(?:EXECUTE\\s+)?STATEMENT\\s+SET\\s+BEGIN\\b", Pattern.CASE_INSENSITIVE);

    static StatementShape of(String statement) {
        String text = body(statement);
        String upper = text.toUpperCase(Locale.ROOT);
        if (STATEMENT_SET_BLOCK.matcher(text).find()) {
            return STATEMENT_SET;
        }
        if (upper.startsWith("INSERT") || upper.startsWith("EXECUTE INSERT")) {
            return INSERT;
        }
        if (upper.startsWith("SELECT") || upper.startsWith("WITH") || upper.startsWith("VALUES")
                || upper.startsWith("(")) {
            return QUERY;
        }
        return OTHER;
    }

    /** The statement without leading comments and whitespace, and without a trailing semicolon. */
    static String body(String statement) {
        Matcher noise = LEADING_NOISE.matcher(statement);
        String text = noise.lookingAt() ? statement.substring(noise.end()) : statement;
        text = text.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    /**
     * The form {@code EXPLAIN} accepts, with every character where it was (so that Flink's line and column
     * stay true): a leading EXECUTE blanked out, a trailing semicolon dropped.
     */
    static String explainable(String statement) {
        Matcher noise = LEADING_NOISE.matcher(statement);
        int start = noise.lookingAt() ? noise.end() : 0;
        String text = statement.stripTrailing();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        if (text.regionMatches(true, start, "EXECUTE", 0, "EXECUTE".length())
                && text.length() > start + "EXECUTE".length()
                && Character.isWhitespace(text.charAt(start + "EXECUTE".length()))) {
            text = text.substring(0, start) + " ".repeat("EXECUTE".length())
                    + text.substring(start + "EXECUTE".length());
        }
        return text;
    }
}
