package io.tributary.jdbc.meta;

import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern: SQL LIKE with '%' (any characters) and '_' (one character), '\' escaping
 * either ({@code getSearchStringEscape}); null matches every name. Names are compared exactly (Flink identifiers
 * are case-sensitive; function names are not).
 */
final class LikePattern {

    static final String ESCAPE = "\\";
    private static final LikePattern ANY = new LikePattern(null, null);

    private final Pattern regex;
    private final String literal;

    private LikePattern(Pattern regex, String literal) {
        this.regex = regex;
        this.literal = literal;
    }

    static LikePattern of(String pattern) {
        return of(pattern, false);
    }

    /** Function names are case-insensitive in Flink SQL: their patterns match in any case. */
    static LikePattern ignoringCase(String pattern) {
        return of(pattern, true);
    }

    private static LikePattern of(String pattern, boolean ignoreCase) {
        if (pattern == null || pattern.equals("%")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean wildcard = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char escaped = pattern.charAt(++i);
                regex.append(Pattern.quote(String.valueOf(escaped)));
                literal.append(escaped);
            } else if (c == '%') {
                regex.append(".*");
                wildcard = true;
            } else if (c == '_') {
                regex.append('.');
                wildcard = true;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                literal.append(c);
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return new LikePattern(Pattern.compile(regex.toString(), flags),
                wildcard ? null : literal.toString());
    }

    boolean matches(String name) {
        return regex == null || (name != null && regex.matcher(name).matches());
    }

    /** The one name the pattern can match when it has no wildcard (so it can be looked up directly), or null. */
    String exactName() {
        return literal;
    }
}
