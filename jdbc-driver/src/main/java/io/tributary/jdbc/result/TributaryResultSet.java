package io.tributary.jdbc.result;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.SelfWrapper;
import io.tributary.jdbc.types.FlinkType;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only result set over a {@link RowSource}: the server's pages as they stream in, or rows
 * the driver built. Closing it closes the operation on the server (and so cancels a job that still runs).
 */
public final class TributaryResultSet extends DerivedGetters implements SelfWrapper {

    private final Statement statement;
    private final RowSource source;
    private final ValueConverter converter;
    private final List<Column> columns;
    private final Map<String, Integer> labels = new HashMap<>();
    private Object[] row;
    private long rowNumber;
    private boolean afterLast;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;

    public TributaryResultSet(Statement statement, RowSource source, ValueConverter converter) {
        this.statement = statement;
        this.source = requireNonNull(source, "source is null");
        this.converter = requireNonNull(converter, "converter is null");
        this.columns = source.columns();
        for (int i = columns.size() - 1; i >= 0; i--) {
            labels.put(columns.get(i).name().toLowerCase(Locale.ROOT), i + 1);
        }
    }

    public RowSource source() {
        return source;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (afterLast) {
            return false;
        }
        row = source.next();
        if (row == null) {
            afterLast = true;
            return false;
        }
        rowNumber++;
        return true;
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closeFromStatement();
            if (statement instanceof ResultSetOwner) {
                ((ResultSetOwner) statement).resultClosed();
            }
        }
    }

    /** Closes it because its statement runs another statement or closes (closeOnCompletion does not apply). */
    public void closeFromStatement() throws SQLException {
        if (!closed) {
            closed = true;
            row = null;
            source.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.of(ErrorCode.CLOSED, "the result set is closed");
        }
    }

    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        if (row == null) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, afterLast ? "the cursor is after the last row"
                    : "the cursor is before the first row: call next() first");
        }
        if (columnIndex < 1 || columnIndex > columns.size()) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "column index " + columnIndex + " is not between 1 and "
                    + columns.size());
        }
        Object value = row[columnIndex - 1];
        wasNull = value == null;
        return value;
    }

    private FlinkType type(int columnIndex) {
        return columns.get(columnIndex - 1).type();
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        Integer index = columnLabel == null ? null : labels.get(columnLabel.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "no column labelled '" + columnLabel + "' in this result");
        }
        return index;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return converter.string(type(columnIndex), value);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return converter.bool(type(columnIndex), value(columnIndex));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) converter.integral(type(columnIndex), value(columnIndex), "byte", Byte.MIN_VALUE,
                Byte.MAX_VALUE);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) converter.integral(type(columnIndex), value(columnIndex), "short", Short.MIN_VALUE,
                Short.MAX_VALUE);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) converter.integral(type(columnIndex), value(columnIndex), "int", Integer.MIN_VALUE,
                Integer.MAX_VALUE);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return converter.integral(type(columnIndex), value(columnIndex), "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return (float) converter.floating(type(columnIndex), value(columnIndex), "float");
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        return converter.floating(type(columnIndex), value(columnIndex), "double");
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return converter.decimal(type(columnIndex), value(columnIndex));
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return converter.bytes(type(columnIndex), value(columnIndex));
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return converter.date(type(columnIndex), value(columnIndex), null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar calendar) throws SQLException {
        return converter.date(type(columnIndex), value(columnIndex), calendar);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return converter.time(type(columnIndex), value(columnIndex), null);
    }

    @Override
    public Time getTime(int columnIndex, Calendar calendar) throws SQLException {
        return converter.time(type(columnIndex), value(columnIndex), calendar);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return converter.timestamp(type(columnIndex), value(columnIndex), null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar calendar) throws SQLException {
        return converter.timestamp(type(columnIndex), value(columnIndex), calendar);
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return converter.object(type(columnIndex), value(columnIndex));
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return converter.object(type(columnIndex), value(columnIndex), type);
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        return converter.object(type(columnIndex), value(columnIndex), Array.class);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new TributaryResultSetMetaData(columns);
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return source.warnings();
    }

    @Override
    public void clearWarnings() {
        // Warnings belong to the source; they stay readable until the result set closes.
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowNumber == 0 && !afterLast;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return afterLast && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return rowNumber == 1 && row != null;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row == null ? 0 : (int) Math.min(rowNumber, Integer.MAX_VALUE);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw forwardOnly();
        }
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "fetch size must not be negative: " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }
}
