package io.tributary.jdbc.result;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rows the driver holds in memory: DatabaseMetaData answers and small results. */
public final class ListRowSource implements RowSource {

    private final List<Column> columns;
    private final List<Object[]> rows;
    private int position;

    public ListRowSource(List<Column> columns, List<Object[]> rows) {
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.rows = new ArrayList<>(rows);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        return position < rows.size() ? rows.get(position++) : null;
    }

    @Override
    public void close() {
        position = rows.size();
    }

    @Override
    public SQLWarning warnings() {
        return null;
    }
}
