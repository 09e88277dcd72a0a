package io.tributary.jdbc.types;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Flink logical type as the driver needs it: its root, nullability, length or precision and scale, and the types
 * it is made of (the element of an ARRAY or MULTISET, the key and value of a MAP, the fields of a ROW).
 */
public final class FlinkType {

    /** Flink's length of STRING and BYTES (VARCHAR and VARBINARY of the greatest length). */
    public static final int MAX_LENGTH = Integer.MAX_VALUE;

    private final TypeRoot root;
    private final boolean nullable;
    private final int length;
    private final int precision;
    private final int scale;
    private final List<FlinkType> children;
    private final List<String> fieldNames;

    private FlinkType(TypeRoot root, boolean nullable, int length, int precision, int scale, List<FlinkType> children,
            List<String> fieldNames) {
        this.root = requireNonNull(root, "root is null");
        this.nullable = nullable;
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.children = Collections.unmodifiableList(new ArrayList<>(children));
        this.fieldNames = Collections.unmodifiableList(new ArrayList<>(fieldNames));
    }

    public static FlinkType of(TypeRoot root, boolean nullable) {
        return new FlinkType(root, nullable, 0, 0, 0, List.of(), List.of());
    }

    public static FlinkType sized(TypeRoot root, boolean nullable, int length) {
        return new FlinkType(root, nullable, length, 0, 0, List.of(), List.of());
    }

    public static FlinkType precise(TypeRoot root, boolean nullable, int precision, int scale) {
        return new FlinkType(root, nullable, 0, precision, scale, List.of(), List.of());
    }

    public static FlinkType composite(TypeRoot root, boolean nullable, List<FlinkType> children,
            List<String> fieldNames) {
        return new FlinkType(root, nullable, 0, 0, 0, children, fieldNames);
    }

    public static FlinkType string() {
        return sized(TypeRoot.VARCHAR, true, MAX_LENGTH);
    }

    public FlinkType withNullable(boolean isNullable) {
        return new FlinkType(root, isNullable, length, precision, scale, children, fieldNames);
    }

    public TypeRoot root() {
        return root;
    }

    public boolean nullable() {
        return nullable;
    }

    /** Length of CHAR, VARCHAR, BINARY, VARBINARY. */
    public int length() {
        return length;
    }

    /** Precision of DECIMAL, TIME, TIMESTAMP and intervals (their leading precision). */
    public int precision() {
        return precision;
    }

    /** Scale of DECIMAL; fractional precision of INTERVAL DAY TO SECOND. */
    public int scale() {
        return scale;
    }

    /** Element (ARRAY, MULTISET), key and value (MAP), or fields (ROW). */
    public List<FlinkType> children() {
        return children;
    }

    public List<String> fieldNames() {
        return fieldNames;
    }

    public int jdbcType() {
        return root.jdbcType();
    }

    /** The type as Flink's SQL spells it, e.g. {@code DECIMAL(10, 2)}, {@code STRING}, {@code ROW<`a` INT>}. */
    public String sqlName() {
        switch (root) {
            case CHAR:
            case BINARY:
                return root.sqlName() + "(" + length + ")";
            case VARCHAR:
                return length == MAX_LENGTH ? "STRING" : "VARCHAR(" + length + ")";
            case VARBINARY:
                return length == MAX_LENGTH ? "BYTES" : "VARBINARY(" + length + ")";
            case DECIMAL:
                return "DECIMAL(" + precision + ", " + scale + ")";
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return root.sqlName() + "(" + precision + ")";
            case TIMESTAMP_WITH_TIME_ZONE:
                return "TIMESTAMP(" + precision + ") WITH TIME ZONE";
            case ARRAY:
            case MULTISET:
                return root.sqlName() + "<" + children.get(0).sqlNameWithNullability() + ">";
            case MAP:
                return "MAP<" + children.get(0).sqlNameWithNullability() + ", "
                        + children.get(1).sqlNameWithNullability() + ">";
            case ROW:
                StringBuilder row = new StringBuilder("ROW<");
                for (int i = 0; i < children.size(); i++) {
                    row.append(i == 0 ? "" : ", ").append('`').append(fieldNames.get(i).replace("`", "``"))
                            .append("` ").append(children.get(i).sqlNameWithNullability());
                }
                return row.append('>').toString();
            default:
                return root.sqlName();
        }
    }

    /**
     * The name DatabaseMetaData's TYPE_NAME and ResultSetMetaData's getColumnTypeName report: the type without
     * its length or precision (VARCHAR, STRING, DECIMAL, TIMESTAMP, TIMESTAMP_LTZ), composites in full
     * (ARRAY&lt;INT&gt;), as getTypeInfo lists them.
     */
    public String baseName() {
        switch (root) {
            case VARCHAR:
                return length == MAX_LENGTH ? "STRING" : "VARCHAR";
            case VARBINARY:
                return length == MAX_LENGTH ? "BYTES" : "VARBINARY";
            case ARRAY:
            case MULTISET:
            case MAP:
            case ROW:
                return sqlName();
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_DAY_TIME:
                return root.sqlName();
            default:
                return root == TypeRoot.TIMESTAMP_WITH_TIME_ZONE ? "TIMESTAMP WITH TIME ZONE" : root.sqlName();
        }
    }

    private String sqlNameWithNullability() {
        return nullable ? sqlName() : sqlName() + " NOT NULL";
    }

    /** JDBC's COLUMN_SIZE / getPrecision: digits, characters or bytes; 0 where it means nothing. */
    public int columnSize() {
        switch (root) {
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return length;
            case DECIMAL:
                return precision;
            case BOOLEAN:
                return 1;
            case TINYINT:
                return 3;
            case SMALLINT:
                return 5;
            case INTEGER:
                return 10;
            case BIGINT:
                return 19;
            case FLOAT:
                return 7;
            case DOUBLE:
                return 15;
            case DATE:
                return 10;
            case TIME_WITHOUT_TIME_ZONE:
                return precision == 0 ? 8 : 9 + precision;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return precision == 0 ? 19 : 20 + precision;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return precision == 0 ? 25 : 26 + precision;
            default:
                return 0;
        }
    }

    /** JDBC's DECIMAL_DIGITS / getScale: the scale of DECIMAL, fractional seconds of times; 0 otherwise. */
    public int decimalDigits() {
        switch (root) {
            case DECIMAL:
                return scale;
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return precision;
            default:
                return 0;
        }
    }

    /** Whether DECIMAL_DIGITS applies (JDBC: null where it does not). */
    public boolean hasDecimalDigits() {
        switch (root) {
            case DECIMAL:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return true;
            default:
                return false;
        }
    }

    public boolean isNumeric() {
        switch (root) {
            case DECIMAL:
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
                return true;
            default:
                return false;
        }
    }

    /** Characters a value needs at most when printed, capped for unbounded strings. */
    public int displaySize() {
        switch (root) {
            case CHAR:
            case VARCHAR:
                return length;
            case BINARY:
            case VARBINARY:
                return length >= MAX_LENGTH / 2 ? MAX_LENGTH : length * 2;
            case DECIMAL:
                return precision + 2;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return columnSize() + 1;
            case FLOAT:
                return 15;
            case DOUBLE:
                return 24;
            case BOOLEAN:
                return 5;
            case NULL:
                return 4;
            default:
                int size = columnSize();
                return size > 0 ? size : MAX_LENGTH;
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FlinkType)) {
            return false;
        }
        FlinkType that = (FlinkType) other;
        return root == that.root && nullable == that.nullable && length == that.length
                && precision == that.precision && scale == that.scale && children.equals(that.children)
                && fieldNames.equals(that.fieldNames);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(root, nullable, length, precision, scale, children, fieldNames);
    }

    @Override
    public String toString() {
        return sqlNameWithNullability();
    }
}
