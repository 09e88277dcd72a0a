package io.tributary.jdbc.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table a simple query reads ({@code SELECT ... FROM a.b.c [WHERE ...]}), so that ResultSetMetaData can
 * name the catalog, schema and table of its columns. Anything more (joins, subqueries, several tables) names none:
 * JDBC's answer is then "" rather than a guess.
 */
final class SourceTable {

    private static final Pattern SIMPLE_SELECT = Pattern.compile(
            "(?is)^\\s*SELECT\\s+(?:(?!\\bFROM\\b|\\(|\\bSELECT\\b).)*?\\bFROM\\s+"
                    + "((?:`(?:[^`]|``)+`|[A-Za-z_][\\w$]*)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[A-Za-z_][\\w$]*)){0,2})"
                    + "(?:\\s+(?:AS\\s+)?[A-Za-z_]\\w*)?\\s*"
                    + "(?:$|;|\\b(?:WHERE|GROUP|ORDER|LIMIT|HAVING|OFFSET|FETCH)\\b(?:(?!\\bJOIN\\b|\\bSELECT\\b).)*$)");
    private static final Pattern PART = Pattern.compile("`((?:[^`]|``)+)`|([A-Za-z_][\\w$]*)");

    private SourceTable() {}

    /** catalog, database, table of the query's only table (missing parts from the current ones), or null. */
    static String[] of(String sql, String currentCatalog, String currentDatabase) {
        Matcher matcher = SIMPLE_SELECT.matcher(sql);
        if (!matcher.find()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Matcher part = PART.matcher(matcher.group(1));
        while (part.find()) {
            parts.add(part.group(1) != null ? part.group(1).replace("``", "`") : part.group(2));
        }
        if (parts.isEmpty() || parts.get(parts.size() - 1).toUpperCase(Locale.ROOT).equals("UNNEST")) {
            return null;
        }
        switch (parts.size()) {
            case 1:
                return new String[] {currentCatalog, currentDatabase, parts.get(0)};
            case 2:
                return new String[] {currentCatalog, parts.get(0), parts.get(1)};
            default:
                return new String[] {parts.get(0), parts.get(1), parts.get(2)};
        }
    }
}
