package io.tributary.jdbc.result;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * The getters that are another view of a column's text or bytes (streams, LOBs, URL, national strings), and the
 * cursor moves a forward-only streaming result cannot make.
 */
abstract class DerivedGetters extends LabelGetters {

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new SerialBlob(bytes);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new SerialClob(text.toCharArray());
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw Errors.notSupported("NCLOB (Flink has no national character large objects; use getString)");
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw Errors.notSupported("REF (Flink has no reference type)");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw Errors.notSupported("ROWID (Flink rows have no row id)");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw Errors.notSupported("SQLXML (Flink has no XML type; use getString)");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        try {
            return text == null ? null : new URL(text);
        } catch (MalformedURLException e) {
            throw Errors.of(ErrorCode.INVALID_CONVERSION, "not a URL: " + text, e);
        }
    }

    @Override
    public String getCursorName() throws SQLException {
        throw Errors.notSupported("Named cursors (positioned UPDATE/DELETE)");
    }

    @Override
    public boolean isLast() throws SQLException {
        throw Errors.notSupported("isLast on a streaming forward-only result (it would have to read ahead)");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean absolute(int rowIndex) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean previous() throws SQLException {
        throw forwardOnly();
    }

    static SQLException forwardOnly() {
        return Errors.notSupported("Moving backwards in a result (results stream: TYPE_FORWARD_ONLY)");
    }

}
