package io.tributary.catalog.search;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import java.util.Optional;

/**
 * One object a search found: a table, a view, or a column of one.
 *
 * @param kind TABLE, VIEW or COLUMN
 * @param table the table or view (the column's table for a column)
 * @param column the column's name, for a column
 * @param type the column's data type, for a column
 * @param comment the object's comment, if any
 * @param connector the table's connector type (for a column, its table's)
 * @param field what the query matched: the object's name, a word of its comment, or its connector type
 * @param match how well: the whole of it, its start, or somewhere in it
 */
public record SearchHit(Kind kind, TablePath table, Optional<String> column, Optional<String> type,
        Optional<String> comment, Optional<String> connector, MatchField field, MatchQuality match) {

    public enum Kind {
        TABLE,
        VIEW,
        COLUMN
    }

    public enum MatchField {
        NAME,
        COMMENT,
        CONNECTOR
    }

    /** Best first. */
    public enum MatchQuality {
        EXACT,
        PREFIX,
        CONTAINS
    }

    public SearchHit {
        requireNonNull(kind, "kind is null");
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(field, "field is null");
        requireNonNull(match, "match is null");
    }
}
