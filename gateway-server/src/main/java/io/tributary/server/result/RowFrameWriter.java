package io.tributary.server.result;

import static java.util.Objects.requireNonNull;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.formats.common.TimestampFormat;
import org.apache.flink.formats.json.JsonFormatOptions;
import org.apache.flink.formats.json.RowDataToJsonConverters;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;

/**
 * Writes a result in Tributary's dense row encoding ({@code application/vnd.tributary.rows}; the README's
 * "Result stream" section is its specification): frames of a one-byte type — the columns ('C'), a page of rows
 * ('R'), a keep-alive ('K'), the end ('E') or an error ('X') — with big-endian numbers, each value by its column's
 * type: fixed-width binary for numbers, booleans, dates, times, timestamps and intervals, length-prefixed UTF-8 for
 * strings and decimals, length-prefixed bytes for binary values, and for nested and other types the value as
 * Flink's JSON rows encode it.
 */
final class RowFrameWriter {

    static final String MEDIA_TYPE = "application/vnd.tributary.rows";
    static final byte COLUMNS = 'C';
    static final byte ROWS = 'R';
    static final byte KEEP_ALIVE = 'K';
    static final byte END = 'E';
    static final byte ERROR = 'X';

    /** Writes one non-null value of a column at a position of a row. */
    @FunctionalInterface
    interface ValueWriter {
        void write(RowData row, int position, DataOutputStream out) throws IOException;
    }

    private final ObjectMapper json = new ObjectMapper();

    private final DataOutputStream out;

    RowFrameWriter(DataOutputStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    /** The columns: their count, then each one's name and Flink type (as Flink prints it). */
    ValueWriter[] columns(ResolvedSchema schema) throws IOException {
        List<Column> columns = schema.getColumns();
        out.writeByte(COLUMNS);
        out.writeShort(columns.size());
        ValueWriter[] writers = new ValueWriter[columns.size()];
        for (int i = 0; i < writers.length; i++) {
            LogicalType type = columns.get(i).getDataType().getLogicalType();
            string(columns.get(i).getName());
            string(type.asSummaryString());
            writers[i] = writer(type, i);
        }
        return writers;
    }

    /** A page of rows: their count, the token of the page after it, then each row: its kind and its values. */
    void rows(List<RowData> rows, long nextToken, ValueWriter[] writers) throws IOException {
        out.writeByte(ROWS);
        out.writeInt(rows.size());
        out.writeLong(nextToken);
        int count = writers.length;
        for (RowData row : rows) {
            out.writeByte(row.getRowKind().toByteValue());
            for (int i = 0; i < count; i++) {
                if (row.isNullAt(i)) {
                    out.writeByte(0);
                } else {
                    out.writeByte(1);
                    writers[i].write(row, i, out);
                }
            }
        }
    }

    void keepAlive() throws IOException {
        out.writeByte(KEEP_ALIVE);
    }

    void end() throws IOException {
        out.writeByte(END);
    }

    void error(String message) throws IOException {
        out.writeByte(ERROR);
        string(message == null ? "failed" : message);
    }

    void flush() throws IOException {
        out.flush();
    }

    private void string(String text) throws IOException {
        bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private ValueWriter writer(LogicalType type, int position) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return (row, i, out) -> out.writeBoolean(row.getBoolean(i));
            case TINYINT:
                return (row, i, out) -> out.writeByte(row.getByte(i));
            case SMALLINT:
                return (row, i, out) -> out.writeShort(row.getShort(i));
            case INTEGER:
            case DATE:
            case TIME_WITHOUT_TIME_ZONE:
            case INTERVAL_YEAR_MONTH:
                return (row, i, out) -> out.writeInt(row.getInt(i));
            case BIGINT:
            case INTERVAL_DAY_TIME:
                return (row, i, out) -> out.writeLong(row.getLong(i));
            case FLOAT:
                return (row, i, out) -> out.writeFloat(row.getFloat(i));
            case DOUBLE:
                return (row, i, out) -> out.writeDouble(row.getDouble(i));
            case CHAR:
            case VARCHAR:
                return (row, i, out) -> {
                    byte[] utf8 = row.getString(i).toBytes();
                    out.writeInt(utf8.length);
                    out.write(utf8);
                };
            case BINARY:
            case VARBINARY:
                return (row, i, out) -> {
                    byte[] value = row.getBinary(i);
                    out.writeInt(value.length);
                    out.write(value);
                };
            case DECIMAL: {
                DecimalType decimal = (DecimalType) type;
                int precision = decimal.getPrecision();
                int scale = decimal.getScale();
                return (row, i, out) -> {
                    byte[] text = row.getDecimal(i, precision, scale).toBigDecimal().toPlainString()
                            .getBytes(StandardCharsets.US_ASCII);
                    out.writeInt(text.length);
                    out.write(text);
                };
            }
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                int precision = LogicalTypeChecks.getPrecision(type);
                return (row, i, out) -> {
                    TimestampData timestamp = row.getTimestamp(i, precision);
                    out.writeLong(timestamp.getMillisecond());
                    out.writeInt(timestamp.getNanoOfMillisecond());
                };
            }
            default:
                return json(type, position);
        }
    }

    /** Nested and other types: the value as Flink's JSON rows (the REST protocol's rowFormat=JSON) encode it. */
    private ValueWriter json(LogicalType type, int position) {
        RowData.FieldGetter getter = RowData.createFieldGetter(type, position);
        RowDataToJsonConverters.RowDataToJsonConverter converter = new RowDataToJsonConverters(
                TimestampFormat.ISO_8601, JsonFormatOptions.MapNullKeyMode.LITERAL, "null", false)
                .createConverter(type);
        return (row, i, out) -> {
            byte[] text = json.writeValueAsBytes(converter.convert(json, null, getter.getFieldOrNull(row)));
            out.writeInt(text.length);
            out.write(text);
        };
    }
}
