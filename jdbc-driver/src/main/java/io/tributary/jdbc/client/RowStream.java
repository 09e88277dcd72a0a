package io.tributary.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.json.JsonException;
import io.tributary.jdbc.json.JsonReader;
import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.ValueDecoder;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * An operation's results as one streamed answer of Tributary's result endpoint
 * ({@code GET /api/v1/sessions/{session}/operations/{operation}/rows?token=N}), in the dense row encoding (the
 * README's "Result stream" section): read frame by frame, each page of rows decoded into the driver's values (the
 * same values the JSON rows decode to). Not thread-safe: one reader thread.
 */
public final class RowStream implements Closeable {

    /** The media type of the dense row encoding. */
    public static final String MEDIA_TYPE = "application/vnd.tributary.rows";

    private static final String[] KINDS = {"+I", "-U", "+U", "-D"};

    /** A page of rows and the changelog kind of each ("+I", "-U", "+U", "-D"). */
    public static final class Batch {
        private final List<Object[]> rows;
        private final List<String> kinds;

        Batch(List<Object[]> rows, List<String> kinds) {
            this.rows = rows;
            this.kinds = kinds;
        }

        public List<Object[]> rows() {
            return rows;
        }

        public List<String> kinds() {
            return kinds;
        }
    }

    private final DataInputStream in;
    private final List<FlinkType> types;
    private final String operation;

    private RowStream(InputStream in, List<FlinkType> types, String operation) {
        this.in = new DataInputStream(new BufferedInputStream(in, 64 * 1024));
        this.types = List.copyOf(types);
        this.operation = requireNonNull(operation, "operation is null");
    }

    /**
     * Opens the stream of an operation's results from page {@code token} on, or fails (then the caller reads the
     * REST protocol's pages instead): the server has no such endpoint, is unreachable, or refuses.
     */
    public static RowStream open(HttpTransport management, String session, String operation, long token,
            List<FlinkType> types) throws SQLException {
        String path = "/api/v1/sessions/" + session + "/operations/" + operation + "/rows?token=" + token;
        HttpResponse<InputStream> response;
        try {
            response = management.stream(path, MEDIA_TYPE).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.of(ErrorCode.CANCELLED, "interrupted while opening the result of operation " + operation, e);
        } catch (ExecutionException e) {
            throw management.networkFailure(e.getCause() == null ? e : e.getCause(), path);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !contentType.startsWith(MEDIA_TYPE)) {
            String text;
            try (InputStream body = response.body()) {
                text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = e.toString();
            }
            throw Errors.of(response.statusCode() == 404 ? ErrorCode.OBJECT_NOT_FOUND : ErrorCode.PROTOCOL_ERROR,
                    "the server has no result stream for operation " + operation + " (HTTP "
                            + response.statusCode() + "): " + message(text));
        }
        return new RowStream(response.body(), types, operation);
    }

    private static String message(String text) {
        try {
            Object error = JsonReader.parse(text);
            if (error instanceof Map && ((Map<?, ?>) error).get("message") != null) {
                return String.valueOf(((Map<?, ?>) error).get("message"));
            }
        } catch (JsonException notJson) {
            // The text as it is.
        }
        return text;
    }

    /** The next page of rows, or null at the end of the results; a failure of the statement as an SQLException. */
    public Batch next() throws SQLException {
        try {
            while (true) {
                int frame = in.read();
                switch (frame) {
                    case 'C':
                        columns();
                        break;
                    case 'R':
                        return rows();
                    case 'K':
                        break;
                    case 'E':
                        return null;
                    case 'X':
                        throw Errors.fromGateway(string(), operation);
                    case -1:
                        throw new EOFException("the result stream ended without its end frame");
                    default:
                        throw Errors.of(ErrorCode.PROTOCOL_ERROR, "unknown frame " + frame
                                + " in the result stream of operation " + operation);
                }
            }
        } catch (IOException e) {
            throw Errors.of(ErrorCode.CONNECTION_LOST, "reading the result of operation " + operation + " failed: "
                    + e, e);
        }
    }

    private void columns() throws IOException, SQLException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            string();
            string();
        }
        if (count != types.size()) {
            throw Errors.of(ErrorCode.PROTOCOL_ERROR, "the result stream of operation " + operation + " has "
                    + count + " columns, its first page had " + types.size());
        }
    }

    private Batch rows() throws IOException {
        int count = in.readInt();
        in.readLong();
        int width = types.size();
        List<Object[]> rows = new ArrayList<>(count);
        List<String> kinds = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int kind = in.readUnsignedByte();
            kinds.add(kind < KINDS.length ? KINDS[kind] : "+I");
            Object[] values = new Object[width];
            for (int i = 0; i < width; i++) {
                values[i] = in.readUnsignedByte() == 0 ? null : value(types.get(i));
            }
            rows.add(values);
        }
        return new Batch(rows, kinds);
    }

    private Object value(FlinkType type) throws IOException {
        switch (type.root()) {
            case BOOLEAN:
                return in.readBoolean();
            case TINYINT:
                return in.readByte();
            case SMALLINT:
                return in.readShort();
            case INTEGER:
                return in.readInt();
            case BIGINT:
                return in.readLong();
            case FLOAT:
                return in.readFloat();
            case DOUBLE:
                return in.readDouble();
            case DATE:
                return LocalDate.ofEpochDay(in.readInt());
            case TIME_WITHOUT_TIME_ZONE:
                return LocalTime.ofNanoOfDay(in.readInt() * 1_000_000L);
            case INTERVAL_YEAR_MONTH:
                return Period.ofMonths(in.readInt()).normalized();
            case INTERVAL_DAY_TIME:
                return Duration.ofMillis(in.readLong());
            case TIMESTAMP_WITHOUT_TIME_ZONE: {
                long millis = in.readLong();
                int nanos = in.readInt();
                return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                        (int) Math.floorMod(millis, 1000L) * 1_000_000 + nanos, ZoneOffset.UTC);
            }
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                long millis = in.readLong();
                int nanos = in.readInt();
                return Instant.ofEpochSecond(Math.floorDiv(millis, 1000L),
                        Math.floorMod(millis, 1000L) * 1_000_000L + nanos);
            }
            case CHAR:
            case VARCHAR:
                return string();
            case BINARY:
            case VARBINARY:
                return bytes();
            case DECIMAL: {
                BigDecimal decimal = new BigDecimal(string());
                return decimal.scale() == type.scale() ? decimal : decimal.setScale(type.scale(), RoundingMode.HALF_UP);
            }
            default:
                try {
                    return ValueDecoder.decode(type, JsonReader.parse(string()));
                } catch (JsonException e) {
                    throw new IOException("unreadable " + type + " value: " + e.getMessage(), e);
                }
        }
    }

    private String string() throws IOException {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private byte[] bytes() throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }

    /** Stops reading: the server sees the connection go and stops streaming. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing more to read either way.
        }
    }
}
