package io.tributary.jdbc.result;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.types.FlinkType;
import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A ROW value: its fields in order, each as getObject returns it. */
final class TributaryStruct implements Struct {

    private final FlinkType type;
    private final List<Object> fields;
    private final ValueConverter converter;

    TributaryStruct(FlinkType type, List<?> fields, ValueConverter converter) {
        this.type = requireNonNull(type, "type is null");
        this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
        this.converter = requireNonNull(converter, "converter is null");
    }

    @Override
    public String getSQLTypeName() {
        return type.sqlName();
    }

    @Override
    public Object[] getAttributes() throws SQLException {
        Object[] attributes = new Object[fields.size()];
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = converter.object(type.children().get(i), fields.get(i));
        }
        return attributes;
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) throws SQLException {
        return getAttributes();
    }

    /** The field names, in the order of {@link #getAttributes()}. */
    public List<String> fieldNames() {
        return type.fieldNames();
    }

    @Override
    public String toString() {
        return converter.string(type, fields);
    }
}
