package io.tributary.jdbc.result;

import io.tributary.jdbc.Errors;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The part of {@link ResultSet} that changes rows through the result set: Flink's results are the output of a
 * query or a job, not rows of a table the driver could write back, so every result set is CONCUR_READ_ONLY and
 * these methods say so ({@code SQLFeatureNotSupportedException}, SQLState 0A000). rowUpdated/rowInserted/
 * rowDeleted are always false.
 */
abstract class ReadOnlyResultSet implements ResultSet {

    private static SQLException readOnly() {
        return Errors.notSupported("Changing rows through a result set (results are CONCUR_READ_ONLY)");
    }

    @Override
    public boolean rowUpdated() throws SQLException { return false; }
    @Override
    public boolean rowInserted() throws SQLException { return false; }
    @Override
    public boolean rowDeleted() throws SQLException { return false; }
    @Override
    public void updateNull(int columnIndex) throws SQLException { throw readOnly(); }
    @Override
    public void updateBoolean(int columnIndex, boolean value) throws SQLException { throw readOnly(); }
    @Override
    public void updateByte(int columnIndex, byte value) throws SQLException { throw readOnly(); }
    @Override
    public void updateShort(int columnIndex, short value) throws SQLException { throw readOnly(); }
    @Override
    public void updateInt(int columnIndex, int value) throws SQLException { throw readOnly(); }
    @Override
    public void updateLong(int columnIndex, long value) throws SQLException { throw readOnly(); }
    @Override
    public void updateFloat(int columnIndex, float value) throws SQLException { throw readOnly(); }
    @Override
    public void updateDouble(int columnIndex, double value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBigDecimal(int columnIndex, BigDecimal value) throws SQLException { throw readOnly(); }
    @Override
    public void updateString(int columnIndex, String value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBytes(int columnIndex, byte[] value) throws SQLException { throw readOnly(); }
    @Override
    public void updateDate(int columnIndex, Date value) throws SQLException { throw readOnly(); }
    @Override
    public void updateTime(int columnIndex, Time value) throws SQLException { throw readOnly(); }
    @Override
    public void updateTimestamp(int columnIndex, Timestamp value) throws SQLException { throw readOnly(); }
    @Override
    public void updateAsciiStream(int columnIndex, InputStream value, int length) throws SQLException { throw readOnly(); }
    @Override
    public void updateBinaryStream(int columnIndex, InputStream value, int length) throws SQLException { throw readOnly(); }
    @Override
    public void updateCharacterStream(int columnIndex, Reader value, int length) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(int columnIndex, Object value, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(int columnIndex, Object value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNull(String columnLabel) throws SQLException { throw readOnly(); }
    @Override
    public void updateBoolean(String columnLabel, boolean value) throws SQLException { throw readOnly(); }
    @Override
    public void updateByte(String columnLabel, byte value) throws SQLException { throw readOnly(); }
    @Override
    public void updateShort(String columnLabel, short value) throws SQLException { throw readOnly(); }
    @Override
    public void updateInt(String columnLabel, int value) throws SQLException { throw readOnly(); }
    @Override
    public void updateLong(String columnLabel, long value) throws SQLException { throw readOnly(); }
    @Override
    public void updateFloat(String columnLabel, float value) throws SQLException { throw readOnly(); }
    @Override
    public void updateDouble(String columnLabel, double value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBigDecimal(String columnLabel, BigDecimal value) throws SQLException { throw readOnly(); }
    @Override
    public void updateString(String columnLabel, String value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBytes(String columnLabel, byte[] value) throws SQLException { throw readOnly(); }
    @Override
    public void updateDate(String columnLabel, Date value) throws SQLException { throw readOnly(); }
    @Override
    public void updateTime(String columnLabel, Time value) throws SQLException { throw readOnly(); }
    @Override
    public void updateTimestamp(String columnLabel, Timestamp value) throws SQLException { throw readOnly(); }
    @Override
    public void updateAsciiStream(String columnLabel, InputStream value, int length) throws SQLException { throw readOnly(); }
    @Override
    public void updateBinaryStream(String columnLabel, InputStream value, int length) throws SQLException { throw readOnly(); }
    @Override
    public void updateCharacterStream(String columnLabel, Reader value, int length) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(String columnLabel, Object value, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(String columnLabel, Object value) throws SQLException { throw readOnly(); }
    @Override
    public void insertRow() throws SQLException { throw readOnly(); }
    @Override
    public void updateRow() throws SQLException { throw readOnly(); }
    @Override
    public void deleteRow() throws SQLException { throw readOnly(); }
    @Override
    public void refreshRow() throws SQLException { throw readOnly(); }
    @Override
    public void cancelRowUpdates() throws SQLException { throw readOnly(); }
    @Override
    public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override
    public void moveToCurrentRow() throws SQLException { throw readOnly(); }
    @Override
    public void updateRef(int columnIndex, Ref value) throws SQLException { throw readOnly(); }
    @Override
    public void updateRef(String columnLabel, Ref value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBlob(int columnIndex, Blob value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBlob(String columnLabel, Blob value) throws SQLException { throw readOnly(); }
    @Override
    public void updateClob(int columnIndex, Clob value) throws SQLException { throw readOnly(); }
    @Override
    public void updateClob(String columnLabel, Clob value) throws SQLException { throw readOnly(); }
    @Override
    public void updateArray(int columnIndex, Array value) throws SQLException { throw readOnly(); }
    @Override
    public void updateArray(String columnLabel, Array value) throws SQLException { throw readOnly(); }
    @Override
    public void updateRowId(int columnIndex, RowId value) throws SQLException { throw readOnly(); }
    @Override
    public void updateRowId(String columnLabel, RowId value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNString(int columnIndex, String value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNString(String columnLabel, String value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNClob(int columnIndex, NClob value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNClob(String columnLabel, NClob value) throws SQLException { throw readOnly(); }
    @Override
    public void updateSQLXML(int columnIndex, SQLXML value) throws SQLException { throw readOnly(); }
    @Override
    public void updateSQLXML(String columnLabel, SQLXML value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNCharacterStream(int columnIndex, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateNCharacterStream(String columnLabel, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateAsciiStream(int columnIndex, InputStream value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateBinaryStream(int columnIndex, InputStream value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateCharacterStream(int columnIndex, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateAsciiStream(String columnLabel, InputStream value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateBinaryStream(String columnLabel, InputStream value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateCharacterStream(String columnLabel, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateBlob(int columnIndex, InputStream value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateBlob(String columnLabel, InputStream value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateClob(int columnIndex, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateClob(String columnLabel, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateNClob(int columnIndex, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateNClob(String columnLabel, Reader value, long length) throws SQLException { throw readOnly(); }
    @Override
    public void updateNCharacterStream(int columnIndex, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNCharacterStream(String columnLabel, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateAsciiStream(int columnIndex, InputStream value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBinaryStream(int columnIndex, InputStream value) throws SQLException { throw readOnly(); }
    @Override
    public void updateCharacterStream(int columnIndex, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateAsciiStream(String columnLabel, InputStream value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBinaryStream(String columnLabel, InputStream value) throws SQLException { throw readOnly(); }
    @Override
    public void updateCharacterStream(String columnLabel, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBlob(int columnIndex, InputStream value) throws SQLException { throw readOnly(); }
    @Override
    public void updateBlob(String columnLabel, InputStream value) throws SQLException { throw readOnly(); }
    @Override
    public void updateClob(int columnIndex, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateClob(String columnLabel, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNClob(int columnIndex, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateNClob(String columnLabel, Reader value) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(int columnIndex, Object value, SQLType targetType, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(String columnLabel, Object value, SQLType targetType, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(int columnIndex, Object value, SQLType targetType) throws SQLException { throw readOnly(); }
    @Override
    public void updateObject(String columnLabel, Object value, SQLType targetType) throws SQLException { throw readOnly(); }
}
