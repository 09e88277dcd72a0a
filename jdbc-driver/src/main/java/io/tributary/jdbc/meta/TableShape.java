package io.tributary.jdbc.meta;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.types.FlinkType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A table's columns, primary key and comment, however the driver learnt them (management API or DESCRIBE). */
final class TableShape {

    /** One column: its type, comment, and for a computed column its expression. */
    static final class ColumnShape {
        private final String name;
        private final FlinkType type;
        private final String comment;
        private final String expression;

        ColumnShape(String name, FlinkType type, String comment, String expression) {
            this.name = requireNonNull(name, "name is null");
            this.type = requireNonNull(type, "type is null");
            this.comment = comment;
            this.expression = expression;
        }

        String name() {
            return name;
        }

        FlinkType type() {
            return type;
        }

        String comment() {
            return comment;
        }

        /** The expression of a computed column (COLUMN_DEF, IS_GENERATEDCOLUMN), or null. */
        String expression() {
            return expression;
        }
    }

    private final String comment;
    private final List<ColumnShape> columns;
    private final List<String> primaryKey;

    TableShape(String comment, List<ColumnShape> columns, List<String> primaryKey) {
        this.comment = comment;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.primaryKey = Collections.unmodifiableList(new ArrayList<>(primaryKey));
    }

    String comment() {
        return comment;
    }

    List<ColumnShape> columns() {
        return columns;
    }

    /** The primary key's columns in key order (empty when there is none). */
    List<String> primaryKey() {
        return primaryKey;
    }
}
