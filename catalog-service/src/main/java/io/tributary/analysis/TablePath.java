package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.regex.Pattern;

/** The fully qualified name of an object in Flink's table namespace (a table, view or materialized table). */
public record TablePath(String catalog, String database, String table) implements Comparable<TablePath> {

    private static final Comparator<TablePath> ORDER = Comparator.comparing(TablePath::catalog)
            .thenComparing(TablePath::database)
            .thenComparing(TablePath::table);
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    public TablePath {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
    }

    @Override
    public int compareTo(TablePath other) {
        return ORDER.compare(this, other);
    }

    /** The name as Flink SQL would spell it: {@code c.db.t}, with backticks around parts that need them. */
    @Override
    public String toString() {
        return quoted(catalog) + "." + quoted(database) + "." + quoted(table);
    }

    static String quoted(String part) {
        if (PLAIN_IDENTIFIER.matcher(part).matches()) {
            return part;
        }
        return "`" + part.replace("`", "``") + "`";
    }
}
