package io.tributary.jdbc.statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The '?' placeholders of a statement, found outside string literals, quoted identifiers and comments, and the
 * statement with literals put in their places.
 */
final class ParameterSlots {

    private final String sql;
    private final int[] positions;

    private ParameterSlots(String sql, int[] positions) {
        this.sql = sql;
        this.positions = positions;
    }

    static ParameterSlots of(String sql) {
        List<Integer> found = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closing(sql, i, c);
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end;
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                if (c == '?') {
                    found.add(i);
                }
                i++;
            }
        }
        int[] positions = new int[found.size()];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = found.get(k);
        }
        return new ParameterSlots(sql, positions);
    }

    /** The index after a quoted part that starts at {@code start}; doubled quotes stay inside it. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    int count() {
        return positions.length;
    }

    String render(List<String> literals) {
        StringBuilder text = new StringBuilder(sql.length() + literals.size() * 8);
        int from = 0;
        for (int k = 0; k < positions.length; k++) {
            text.append(sql, from, positions[k]).append(literals.get(k));
            from = positions[k] + 1;
        }
        return text.append(sql, from, sql.length()).toString();
    }
}
