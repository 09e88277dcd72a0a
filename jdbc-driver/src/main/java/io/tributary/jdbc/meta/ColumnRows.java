package io.tributary.jdbc.meta;

import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.TypeRoot;
import java.sql.DatabaseMetaData;

/** One row of getColumns: the 24 standard columns for a column of a Flink table. */
final class ColumnRows {

    private ColumnRows() {}

    static Object[] column(TableEntry table, TableShape.ColumnShape column, int position) {
        FlinkType type = column.type();
        int size = type.columnSize();
        boolean computed = column.expression() != null;
        return new Object[] {
            table.catalog(),
            table.database(),
            table.name(),
            column.name(),
            type.jdbcType(),
            type.baseName(),
            size == 0 ? null : size,
            null,
            type.hasDecimalDigits() ? type.decimalDigits() : null,
            type.isNumeric() ? 10 : null,
            type.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            column.comment(),
            null,
            null,
            null,
            octetLength(type),
            position,
            type.nullable() ? "YES" : "NO",
            null,
            null,
            null,
            null,
            "NO",
            computed ? "YES" : "NO"
        };
    }

    /** Bytes at most of a character or binary value (UTF-8 needs up to 4 per character). */
    private static Integer octetLength(FlinkType type) {
        TypeRoot root = type.root();
        if (root == TypeRoot.BINARY || root == TypeRoot.VARBINARY) {
            return type.length();
        }
        if (root == TypeRoot.CHAR || root == TypeRoot.VARCHAR) {
            return type.length() > Integer.MAX_VALUE / 4 ? Integer.MAX_VALUE : type.length() * 4;
        }
        return null;
    }
}
