package io.tributary.jdbc.statement;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.SessionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Types;
import java.util.Arrays;

/**
 * Parameters given as streams, readers, LOBs, URLs or XML: read whole when set and passed on as text or bytes
 * (Flink has no LOB types, and the value becomes a literal of the statement anyway).
 */
abstract class StreamParameters extends TributaryStatement implements PreparedStatement {

    StreamParameters(SessionContext session) {
        super(session);
    }

    /** Sets parameter {@code index} (1-based) to a value with the java.sql.Types it was given as. */
    abstract void set(int index, Object value, int sqlType) throws SQLException;

    @Override
    public void setURL(int index, URL value) throws SQLException {
        set(index, value == null ? null : value.toString(), Types.VARCHAR);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, int length) throws SQLException {
        setAsciiStream(index, value, (long) length);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, long length) throws SQLException {
        set(index, value == null ? null : new String(read(value, length), StandardCharsets.US_ASCII), Types.VARCHAR);
    }

    @Override
    public void setAsciiStream(int index, InputStream value) throws SQLException {
        setAsciiStream(index, value, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int index, InputStream value, int length) throws SQLException {
        set(index, value == null ? null : new String(read(value, length), StandardCharsets.UTF_16BE), Types.VARCHAR);
    }

    @Override
    public void setBinaryStream(int index, InputStream value, int length) throws SQLException {
        setBinaryStream(index, value, (long) length);
    }

    @Override
    public void setBinaryStream(int index, InputStream value, long length) throws SQLException {
        set(index, value == null ? null : read(value, length), Types.VARBINARY);
    }

    @Override
    public void setBinaryStream(int index, InputStream value) throws SQLException {
        setBinaryStream(index, value, -1L);
    }

    @Override
    public void setCharacterStream(int index, Reader value, int length) throws SQLException {
        setCharacterStream(index, value, (long) length);
    }

    @Override
    public void setCharacterStream(int index, Reader value, long length) throws SQLException {
        set(index, value == null ? null : read(value, length), Types.VARCHAR);
    }

    @Override
    public void setCharacterStream(int index, Reader value) throws SQLException {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setBlob(int index, Blob value) throws SQLException {
        set(index, value == null ? null : value.getBytes(1, (int) value.length()), Types.VARBINARY);
    }

    @Override
    public void setBlob(int index, InputStream value, long length) throws SQLException {
        setBinaryStream(index, value, length);
    }

    @Override
    public void setBlob(int index, InputStream value) throws SQLException {
        setBinaryStream(index, value, -1L);
    }

    @Override
    public void setClob(int index, Clob value) throws SQLException {
        set(index, value == null ? null : value.getSubString(1, (int) value.length()), Types.VARCHAR);
    }

    @Override
    public void setClob(int index, Reader value, long length) throws SQLException {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setClob(int index, Reader value) throws SQLException {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        setClob(index, value);
    }

    @Override
    public void setNClob(int index, Reader value, long length) throws SQLException {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setNClob(int index, Reader value) throws SQLException {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setRef(int index, Ref value) throws SQLException {
        throw Errors.notSupported("REF parameters (Flink has no reference type)");
    }

    @Override
    public void setRowId(int index, RowId value) throws SQLException {
        throw Errors.notSupported("ROWID parameters (Flink rows have no row id)");
    }

    @Override
    public void setSQLXML(int index, SQLXML value) throws SQLException {
        set(index, value == null ? null : value.getString(), Types.VARCHAR);
    }

    private static byte[] read(InputStream stream, long length) throws SQLException {
        try {
            byte[] all = stream.readAllBytes();
            return length >= 0 && length < all.length ? Arrays.copyOf(all, (int) length) : all;
        } catch (IOException e) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "cannot read the parameter's stream: " + e.getMessage(), e);
        }
    }

    private static String read(Reader reader, long length) throws SQLException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            int read;
            while ((read = reader.read(buffer)) >= 0 && (length < 0 || text.length() < length)) {
                text.append(buffer, 0, read);
            }
        } catch (IOException e) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "cannot read the parameter's reader: " + e.getMessage(), e);
        }
        return length >= 0 && length < text.length() ? text.substring(0, (int) length) : text.toString();
    }

}
