package io.tributary.jdbc.meta;

import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.TypeRoot;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rows of getTypeInfo: every Flink SQL type a column can have, ordered by DATA_TYPE as JDBC asks. */
final class TypeInfoRows {

    private TypeInfoRows() {}

    static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        add(rows, "TINYINT", FlinkType.of(TypeRoot.TINYINT, true), null, null, null);
        add(rows, "BIGINT", FlinkType.of(TypeRoot.BIGINT, true), null, null, null);
        add(rows, "BYTES", FlinkType.sized(TypeRoot.VARBINARY, true, FlinkType.MAX_LENGTH), "X'", "'", null);
        add(rows, "VARBINARY", FlinkType.sized(TypeRoot.VARBINARY, true, FlinkType.MAX_LENGTH), "X'", "'", "length");
        add(rows, "BINARY", FlinkType.sized(TypeRoot.BINARY, true, FlinkType.MAX_LENGTH), "X'", "'", "length");
        add(rows, "CHAR", FlinkType.sized(TypeRoot.CHAR, true, FlinkType.MAX_LENGTH), "'", "'", "length");
        add(rows, "DECIMAL", FlinkType.precise(TypeRoot.DECIMAL, true, 38, 38), null, null, "precision,scale");
        add(rows, "INT", FlinkType.of(TypeRoot.INTEGER, true), null, null, null);
        add(rows, "SMALLINT", FlinkType.of(TypeRoot.SMALLINT, true), null, null, null);
        add(rows, "FLOAT", FlinkType.of(TypeRoot.FLOAT, true), null, null, null);
        add(rows, "DOUBLE", FlinkType.of(TypeRoot.DOUBLE, true), null, null, null);
        add(rows, "STRING", FlinkType.string(), "'", "'", null);
        add(rows, "VARCHAR", FlinkType.string(), "'", "'", "length");
        add(rows, "BOOLEAN", FlinkType.of(TypeRoot.BOOLEAN, true), null, null, null);
        add(rows, "DATE", FlinkType.of(TypeRoot.DATE, true), "DATE '", "'", null);
        add(rows, "TIME", FlinkType.precise(TypeRoot.TIME_WITHOUT_TIME_ZONE, true, 9, 0), "TIME '", "'",
                "precision");
        add(rows, "TIMESTAMP", FlinkType.precise(TypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, true, 9, 0), "TIMESTAMP '",
                "'", "precision");
        add(rows, "INTERVAL YEAR TO MONTH", FlinkType.precise(TypeRoot.INTERVAL_YEAR_MONTH, true, 4, 0),
                "INTERVAL '", "' YEAR TO MONTH", null);
        add(rows, "INTERVAL DAY TO SECOND", FlinkType.precise(TypeRoot.INTERVAL_DAY_TIME, true, 6, 9),
                "INTERVAL '", "' DAY TO SECOND", null);
        add(rows, "RAW", FlinkType.of(TypeRoot.RAW, true), null, null, "class,serializer");
        add(rows, "MAP", FlinkType.of(TypeRoot.MAP, true), null, null, "key type,value type");
        add(rows, "MULTISET", FlinkType.of(TypeRoot.MULTISET, true), null, null, "element type");
        add(rows, "ROW", FlinkType.of(TypeRoot.ROW, true), null, null, "fields");
        add(rows, "ARRAY", FlinkType.of(TypeRoot.ARRAY, true), null, null, "element type");
        add(rows, "TIMESTAMP_LTZ", FlinkType.precise(TypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, true, 9, 0), null,
                null, "precision");
        rows.sort(Comparator.comparingInt(row -> (Integer) row[1]));
        return rows;
    }

    private static void add(List<Object[]> rows, String name, FlinkType type, String prefix, String suffix,
            String parameters) {
        boolean text = type.root() == TypeRoot.CHAR || type.root() == TypeRoot.VARCHAR;
        boolean comparable = type.root() != TypeRoot.MAP && type.root() != TypeRoot.MULTISET
                && type.root() != TypeRoot.RAW && type.root() != TypeRoot.ARRAY && type.root() != TypeRoot.ROW;
        int precision = type.root() == TypeRoot.DECIMAL ? 38 : type.columnSize();
        boolean numeric = type.isNumeric();
        rows.add(new Object[] {
            name, type.jdbcType(), precision, prefix, suffix, parameters, (short) DatabaseMetaData.typeNullable,
            text, (short) (comparable ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic),
            false, false, false, name,
            (short) 0, (short) (type.root() == TypeRoot.DECIMAL ? 38 : type.decimalDigits()), null, null,
            numeric ? 10 : null});
    }
}
