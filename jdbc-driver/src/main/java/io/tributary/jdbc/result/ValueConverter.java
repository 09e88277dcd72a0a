package io.tributary.jdbc.result;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.TypeRoot;
import io.tributary.jdbc.types.ValueFormatter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/** Converts the driver's value of a column to what a getter asks for, the way JDBC's conversion table allows. */
public final class ValueConverter {

    private final ValueFormatter formatter;
    private final ZoneId zone;

    public ValueConverter(ZoneId sessionZone) {
        this.zone = requireNonNull(sessionZone, "sessionZone is null");
        this.formatter = new ValueFormatter(sessionZone);
    }

    public String string(FlinkType type, Object value) {
        return value instanceof String ? (String) value : formatter.format(type, value);
    }

    public boolean bool(FlinkType type, Object value) throws SQLException {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue() != 0;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return false;
        }
        throw cannot(type, value, "boolean");
    }

    public long integral(FlinkType type, Object value, String target, long min, long max) throws SQLException {
        if (value == null) {
            return 0;
        }
        long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else if (value instanceof Number) {
            result = decimal(type, value).setScale(0, java.math.RoundingMode.DOWN).longValue();
        } else if (value instanceof Boolean) {
            result = ((Boolean) value) ? 1 : 0;
        } else if (value instanceof String) {
            try {
                result = new BigDecimal(((String) value).trim()).setScale(0, java.math.RoundingMode.DOWN)
                        .longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw cannot(type, value, target);
            }
        } else {
            throw cannot(type, value, target);
        }
        if (result < min || result > max) {
            throw Errors.of(ErrorCode.INVALID_CONVERSION, "value " + value + " is out of the range of " + target);
        }
        return result;
    }

    public double floating(FlinkType type, Object value, String target) throws SQLException {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1 : 0;
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw cannot(type, value, target);
        }
    }

    public BigDecimal decimal(FlinkType type, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw cannot(type, value, "BigDecimal");
        }
    }

    public byte[] bytes(FlinkType type, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).clone();
        }
        if (value instanceof String) {
            return ((String) value).getBytes(StandardCharsets.UTF_8);
        }
        throw cannot(type, value, "byte[]");
    }

    public LocalDateTime localDateTime(FlinkType type, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime) {
            return (LocalDateTime) value;
        }
        if (value instanceof Instant) {
            return LocalDateTime.ofInstant((Instant) value, zone);
        }
        if (value instanceof LocalDate) {
            return ((LocalDate) value).atStartOfDay();
        }
        if (value instanceof String) {
            try {
                return LocalDateTime.parse(((String) value).trim().replace(' ', 'T'));
            } catch (java.time.format.DateTimeParseException e) {
                throw cannot(type, value, "timestamp");
            }
        }
        throw cannot(type, value, "timestamp");
    }

    public Timestamp timestamp(FlinkType type, Object value, Calendar calendar) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant) {
            return Timestamp.from((Instant) value);
        }
        LocalDateTime local = localDateTime(type, value);
        if (calendar == null) {
            return Timestamp.valueOf(local);
        }
        return Timestamp.from(local.atZone(calendar.getTimeZone().toZoneId()).toInstant());
    }

    public Date date(FlinkType type, Object value, Calendar calendar) throws SQLException {
        if (value == null) {
            return null;
        }
        LocalDate date = value instanceof LocalDate ? (LocalDate) value : localDateTime(type, value).toLocalDate();
        if (calendar == null) {
            return Date.valueOf(date);
        }
        return new Date(date.atStartOfDay(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
    }

    public Time time(FlinkType type, Object value, Calendar calendar) throws SQLException {
        if (value == null) {
            return null;
        }
        LocalTime time;
        if (value instanceof LocalTime) {
            time = (LocalTime) value;
        } else if (value instanceof String) {
            try {
                time = LocalTime.parse(((String) value).trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw cannot(type, value, "time");
            }
        } else {
            time = localDateTime(type, value).toLocalTime();
        }
        if (calendar == null) {
            Time result = Time.valueOf(time);
            result.setTime(result.getTime() + time.getNano() / 1_000_000);
            return result;
        }
        return new Time(time.atDate(LocalDate.EPOCH).atZone(calendar.getTimeZone().toZoneId()).toInstant()
                .toEpochMilli());
    }

    /** getObject(i): the value in the class ResultSetMetaData.getColumnClassName names. */
    public Object object(FlinkType type, Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        switch (type.root()) {
            case DATE:
                return date(type, value, null);
            case TIME_WITHOUT_TIME_ZONE:
                return time(type, value, null);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return timestamp(type, value, null);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return ((Instant) value).atZone(zone).toOffsetDateTime();
            case ARRAY:
                return new TributaryArray(type.children().get(0), (List<?>) value, this);
            case ROW:
                return new TributaryStruct(type, (List<?>) value, this);
            case BINARY:
            case VARBINARY:
                return ((byte[]) value).clone();
            default:
                return value;
        }
    }

    /** getObject(i, Class): every class JDBC 4.2 lists for the column's type, java.time included. */
    @SuppressWarnings("unchecked")
    public <T> T object(FlinkType type, Object value, Class<T> target) throws SQLException {
        requireNonNull(target, "target is null");
        if (value == null) {
            return null;
        }
        Object result;
        if (target == String.class) {
            result = string(type, value);
        } else if (target == Boolean.class) {
            result = bool(type, value);
        } else if (target == Byte.class) {
            result = (byte) integral(type, value, "Byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
        } else if (target == Short.class) {
            result = (short) integral(type, value, "Short", Short.MIN_VALUE, Short.MAX_VALUE);
        } else if (target == Integer.class) {
            result = (int) integral(type, value, "Integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (target == Long.class) {
            result = integral(type, value, "Long", Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (target == Float.class) {
            result = (float) floating(type, value, "Float");
        } else if (target == Double.class) {
            result = floating(type, value, "Double");
        } else if (target == BigDecimal.class) {
            result = decimal(type, value);
        } else if (target == BigInteger.class) {
            result = decimal(type, value).toBigInteger();
        } else if (target == byte[].class) {
            result = bytes(type, value);
        } else if (target == LocalDate.class) {
            result = date(type, value, null).toLocalDate();
        } else if (target == LocalTime.class) {
            result = value instanceof LocalTime ? value : localDateTime(type, value).toLocalTime();
        } else if (target == LocalDateTime.class) {
            result = localDateTime(type, value);
        } else if (target == Instant.class) {
            result = instant(type, value);
        } else if (target == OffsetDateTime.class) {
            result = instant(type, value).atZone(zone).toOffsetDateTime();
        } else if (target == ZonedDateTime.class) {
            result = instant(type, value).atZone(zone);
        } else if (target == OffsetTime.class) {
            result = instant(type, value).atZone(zone).toOffsetDateTime().toOffsetTime();
        } else if (target == Date.class) {
            result = date(type, value, null);
        } else if (target == Time.class) {
            result = time(type, value, null);
        } else if (target == Timestamp.class || target == java.util.Date.class) {
            result = timestamp(type, value, null);
        } else if (target == java.sql.Array.class && value instanceof List && type.root() == TypeRoot.ARRAY) {
            result = object(type, value);
        } else if (target == java.sql.Struct.class && type.root() == TypeRoot.ROW) {
            result = object(type, value);
        } else if (target == List.class && value instanceof List) {
            result = value;
        } else if (target == Map.class && value instanceof Map) {
            result = value;
        } else if (target.isInstance(value)) {
            result = value;
        } else if (target == Object.class) {
            result = object(type, value);
        } else {
            throw cannot(type, value, target.getName());
        }
        return (T) result;
    }

    private Instant instant(FlinkType type, Object value) throws SQLException {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        return localDateTime(type, value).atZone(zone).toInstant();
    }

    private static SQLException cannot(FlinkType type, Object value, String target) {
        return Errors.of(ErrorCode.INVALID_CONVERSION, "cannot convert " + type + " value '" + value + "' to "
                + target);
    }
}
