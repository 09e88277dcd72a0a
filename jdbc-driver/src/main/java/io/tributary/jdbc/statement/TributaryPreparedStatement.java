package io.tributary.jdbc.statement;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.SessionContext;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: Flink's gateway has no server-side parameters, so each '?' is replaced by its value
 * rendered as a typed SQL literal ({@link SqlLiterals}) when the statement runs.
 */
public final class TributaryPreparedStatement extends StreamParameters {

    private static final Object UNSET = new Object();

    private final String sql;
    private final ParameterSlots slots;
    private final Object[] values;
    private final int[] types;
    private final List<Object[]> batchValues = new ArrayList<>();

    public TributaryPreparedStatement(SessionContext session, String sql) {
        super(session);
        this.sql = sql;
        this.slots = ParameterSlots.of(sql);
        this.values = new Object[slots.count()];
        this.types = new int[slots.count()];
        clear();
    }

    private void clear() {
        Arrays.fill(values, UNSET);
        Arrays.fill(types, Types.OTHER);
    }

    private String rendered(Object[] parameters, int[] parameterTypes) throws SQLException {
        List<String> literals = new ArrayList<>(parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == UNSET) {
                throw Errors.of(ErrorCode.PARAMETER_NOT_SET, "parameter " + (i + 1) + " of " + parameters.length
                        + " has no value");
            }
            literals.add(SqlLiterals.render(parameters[i], parameterTypes[i]));
        }
        return slots.render(literals);
    }

    /** The statement as it runs with the parameters set now. */
    public String renderedSql() throws SQLException {
        return rendered(values, types);
    }

    @Override
    void set(int index, Object value, int sqlType) throws SQLException {
        checkOpen();
        if (index < 1 || index > values.length) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "parameter index " + index + " is not between 1 and "
                    + values.length);
        }
        values[index - 1] = value;
        types[index - 1] = sqlType;
    }

    int parameterType(int index) {
        return types[index - 1];
    }

    int parameterCount() {
        return values.length;
    }

    @Override
    public boolean execute() throws SQLException {
        return run(renderedSql());
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        String statement = renderedSql();
        return queryResult(run(statement), statement);
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        String statement = renderedSql();
        return updateResult(run(statement), statement);
    }

    @Override
    public boolean execute(String statement) throws SQLException {
        throw Errors.of(ErrorCode.INVALID_ARGUMENT, "a PreparedStatement runs its own SQL: call execute()");
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batchValues.add(new Object[] {values.clone(), types.clone()});
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Object[]> pending = new ArrayList<>(batchValues);
        batchValues.clear();
        long[] counts = new long[pending.size()];
        for (int i = 0; i < counts.length; i++) {
            String statement = rendered((Object[]) pending.get(i)[0], (int[]) pending.get(i)[1]);
            counts[i] = updateResult(run(statement), statement);
        }
        return counts;
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batchValues.clear();
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        clear();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ResultSet current = getResultSet();
        return current == null ? null : current.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new TributaryParameterMetaData(this);
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null, sqlType);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        set(index, null, sqlType);
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        set(index, value, Types.BOOLEAN);
    }

    @Override
    public void setByte(int index, byte value) throws SQLException {
        set(index, value, Types.TINYINT);
    }

    @Override
    public void setShort(int index, short value) throws SQLException {
        set(index, value, Types.SMALLINT);
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        set(index, value, Types.INTEGER);
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        set(index, value, Types.BIGINT);
    }

    @Override
    public void setFloat(int index, float value) throws SQLException {
        set(index, value, Types.REAL);
    }

    @Override
    public void setDouble(int index, double value) throws SQLException {
        set(index, value, Types.DOUBLE);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        set(index, value, Types.DECIMAL);
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        set(index, value, Types.VARCHAR);
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        set(index, value, Types.VARCHAR);
    }

    @Override
    public void setBytes(int index, byte[] value) throws SQLException {
        set(index, value == null ? null : value.clone(), Types.VARBINARY);
    }

    @Override
    public void setDate(int index, Date value) throws SQLException {
        set(index, value, Types.DATE);
    }

    @Override
    public void setDate(int index, Date value, Calendar calendar) throws SQLException {
        set(index, value == null || calendar == null ? value : java.time.Instant.ofEpochMilli(value.getTime())
                .atZone(zone(calendar)).toLocalDate(), Types.DATE);
    }

    @Override
    public void setTime(int index, Time value) throws SQLException {
        set(index, value, Types.TIME);
    }

    @Override
    public void setTime(int index, Time value, Calendar calendar) throws SQLException {
        set(index, value == null || calendar == null ? value : java.time.Instant.ofEpochMilli(value.getTime())
                .atZone(zone(calendar)).toLocalTime(), Types.TIME);
    }

    @Override
    public void setTimestamp(int index, Timestamp value) throws SQLException {
        set(index, value, Types.TIMESTAMP);
    }

    @Override
    public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
        set(index, value == null || calendar == null ? value : value.toInstant().atZone(zone(calendar))
                .toLocalDateTime(), Types.TIMESTAMP);
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar.getTimeZone().toZoneId();
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType) throws SQLException {
        set(index, value, targetSqlType);
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        set(index, value, value == null ? Types.OTHER : SqlLiterals.naturalType(value));
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
        set(index, value, targetSqlType);
    }

    @Override
    public void setObject(int index, Object value, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        set(index, value, targetSqlType.getVendorTypeNumber());
    }

    @Override
    public void setObject(int index, Object value, SQLType targetSqlType) throws SQLException {
        set(index, value, targetSqlType.getVendorTypeNumber());
    }

    @Override
    public void setArray(int index, Array value) throws SQLException {
        set(index, value, Types.ARRAY);
    }

    @Override
    public String toString() {
        return sql;
    }
}
