package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * A string map kept as rows of one property table: the owner's key columns, the property's key and its value.
 * Every property table of the {@code tributary} catalog (of databases, tables, partitions, statistics) has that
 * shape; this writes and reads any of them.
 */
final class PropertyRows<R extends Record> {

    /** The longest property key the property tables hold. */
    static final int MAXIMUM_KEY_LENGTH = 255;

    private final Table<R> table;
    private final List<TableField<R, String>> ownerColumns;
    private final TableField<R, String> keyColumn;
    private final TableField<R, String> valueColumn;

    PropertyRows(Table<R> table, List<TableField<R, String>> ownerColumns, TableField<R, String> keyColumn,
            TableField<R, String> valueColumn) {
        this.table = requireNonNull(table, "table is null");
        this.ownerColumns = List.copyOf(ownerColumns);
        this.keyColumn = requireNonNull(keyColumn, "keyColumn is null");
        this.valueColumn = requireNonNull(valueColumn, "valueColumn is null");
    }

    /** Adds the properties of one owner, in one statement. A null value breaks the table's NOT NULL constraint. */
    void insert(DSLContext transaction, List<String> owner, Map<String, String> properties) {
        checkOwner(owner);
        if (properties.isEmpty()) {
            return;
        }
        List<Field<?>> columns = new ArrayList<>(ownerColumns);
        columns.add(keyColumn);
        columns.add(valueColumn);
        InsertValuesStepN<R> insert = transaction.insertInto(table, columns);
        for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
            if (property.getKey().length() > MAXIMUM_KEY_LENGTH) {
                throw new CatalogException(
                        BuiltinCatalogMessages.propertyKeyTooLong(property.getKey(), MAXIMUM_KEY_LENGTH));
            }
            List<Object> values = new ArrayList<>(owner);
            values.add(property.getKey());
            values.add(property.getValue());
            insert = insert.values(values);
        }
        insert.execute();
    }

    /** Replaces every property of one owner with the given ones. */
    void replace(DSLContext transaction, List<String> owner, Map<String, String> properties) {
        delete(transaction, owner);
        insert(transaction, owner, properties);
    }

    void delete(DSLContext transaction, List<String> owner) {
        transaction.deleteFrom(table).where(ownedBy(owner)).execute();
    }

    Map<String, String> read(DSLContext transaction, List<String> owner) {
        return transaction.select(keyColumn, valueColumn)
                .from(table)
                .where(ownedBy(owner))
                .fetchMap(keyColumn, valueColumn);
    }

    private Condition ownedBy(List<String> owner) {
        checkOwner(owner);
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < ownerColumns.size(); i++) {
            conditions.add(ownerColumns.get(i).eq(owner.get(i)));
        }
        return DSL.and(conditions);
    }

    private void checkOwner(List<String> owner) {
        if (owner.size() != ownerColumns.size()) {
            throw new IllegalArgumentException("owner " + owner + " does not match " + ownerColumns);
        }
    }
}
