package io.tributary.jdbc.result;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.types.FlinkType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An ARRAY value: its elements as getObject returns them, and as a result set of (INDEX, VALUE) rows. */
final class TributaryArray implements Array {

    private final FlinkType elementType;
    private final List<?> elements;
    private final ValueConverter converter;

    TributaryArray(FlinkType elementType, List<?> elements, ValueConverter converter) {
        this.elementType = requireNonNull(elementType, "elementType is null");
        this.elements = List.copyOf(nullSafe(elements));
        this.converter = requireNonNull(converter, "converter is null");
    }

    private static List<Object> nullSafe(List<?> elements) {
        List<Object> copy = new ArrayList<>(elements.size());
        for (Object element : elements) {
            copy.add(element == null ? Null.VALUE : element);
        }
        return copy;
    }

    /** Stands for a null element (List.copyOf refuses nulls). */
    private enum Null { VALUE }

    private Object element(int index) {
        Object element = elements.get(index);
        return element == Null.VALUE ? null : element;
    }

    @Override
    public String getBaseTypeName() {
        return elementType.sqlName();
    }

    @Override
    public int getBaseType() {
        return elementType.jdbcType();
    }

    @Override
    public Object getArray() throws SQLException {
        return getArray(1, elements.size());
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        int from = checkedIndex(index, count);
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = converter.object(elementType, element(from + i));
        }
        return values;
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return getResultSet(1, elements.size());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        int from = checkedIndex(index, count);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {from + i + 1, element(from + i)});
        }
        return new TributaryResultSet(null, new ListRowSource(List.of(
                new Column("INDEX", FlinkType.of(io.tributary.jdbc.types.TypeRoot.INTEGER, false)),
                new Column("VALUE", elementType)), rows), converter);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet(index, count);
    }

    @Override
    public void free() {
        // Nothing is held outside this object.
    }

    private int checkedIndex(long index, int count) throws SQLException {
        if (index < 1 || count < 0 || index - 1 + count > elements.size()) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "array elements " + index + ".." + (index - 1 + count)
                    + " requested, the array has " + elements.size());
        }
        return (int) index - 1;
    }

    @Override
    public String toString() {
        return converter.string(FlinkType.composite(io.tributary.jdbc.types.TypeRoot.ARRAY, true,
                List.of(elementType), List.of()), unwrap());
    }

    private List<Object> unwrap() {
        List<Object> values = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            values.add(element(i));
        }
        return values;
    }
}
