package io.tributary.server.statement;

import io.tributary.analysis.TablePath;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Table names as the management API takes them: {@code catalog.database.table}, parts in back-ticks where they hold
 * a dot ({@code `my.catalog`.db.t}); {@code database.table} and {@code table} are in Flink's default catalog and
 * database ({@code default_catalog.default_database}).
 */
public final class TableNames {

    public static final String DEFAULT_CATALOG = "default_catalog";
    public static final String DEFAULT_DATABASE = "default_database";

    private TableNames() {}

    /** @throws TributaryException (INVALID_REQUEST) when the text is no table name */
    public static TablePath parse(String parameter, String text) {
        List<String> parts = parts(parameter, text == null ? "" : text.strip());
        return switch (parts.size()) {
            case 1 -> new TablePath(DEFAULT_CATALOG, DEFAULT_DATABASE, parts.get(0));
            case 2 -> new TablePath(DEFAULT_CATALOG, parts.get(0), parts.get(1));
            case 3 -> new TablePath(parts.get(0), parts.get(1), parts.get(2));
            default -> throw invalid(parameter, text);
        };
    }

    private static List<String> parts(String parameter, String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '`' && i + 1 < text.length() && text.charAt(i + 1) == '`') {
                    part.append('`');
                    i++;
                } else if (c == '`') {
                    quoted = false;
                } else {
                    part.append(c);
                }
            } else if (c == '`') {
                quoted = true;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw invalid(parameter, text);
        }
        parts.add(part.toString());
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw invalid(parameter, text);
        }
        return parts;
    }

    private static TributaryException invalid(String parameter, String text) {
        return new TributaryException(ErrorCode.INVALID_REQUEST, parameter + " must be a table name such as"
                + " catalog.database.table (back-ticks around parts with dots), was '" + text + "'");
    }
}
