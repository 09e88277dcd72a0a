package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a statement can be a query, from the word it starts with (after blanks, comments and opening
 * parentheses): {@code SELECT}, {@code WITH}, {@code VALUES}. Cheap, so that every other statement goes to Flink
 * without being planned twice; the parser decides for those that pass.
 */
final class QueryLead {

    private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "VALUES");

    private QueryLead() {
    }

    static boolean mayBeQuery(String statement) {
        requireNonNull(statement, "statement is null");
        int i = 0;
        int length = statement.length();
        while (i < length) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (statement.startsWith("--", i)) {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (statement.startsWith("/*", i)) {
                int end = statement.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < length && Character.isLetter(statement.charAt(i))) {
            i++;
        }
        return QUERY_WORDS.contains(statement.substring(start, i).toUpperCase(Locale.ROOT));
    }
}
