package io.tributary.jdbc.statement;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders a parameter as a Flink SQL literal, safely: strings are quoted with every quote doubled (Flink SQL has
 * no backslash escapes, so nothing a value contains can end the literal), numbers and times are typed literals or
 * CASTs of quoted text, never text pasted into the statement.
 */
final class SqlLiterals {

    private SqlLiterals() {}

    static String render(Object value, int sqlType) throws SQLException {
        if (value == null) {
            String type = typeName(sqlType);
            return type == null ? "NULL" : "CAST(NULL AS " + type + ")";
        }
        String literal = literal(value);
        String target = typeName(sqlType);
        if (target == null || sqlType == naturalType(value)) {
            return literal;
        }
        return "CAST(" + literal + " AS " + target + ")";
    }

    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String literal(Object value) throws SQLException {
        if (value instanceof String || value instanceof Character || value instanceof java.util.UUID) {
            return quoted(value.toString());
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "TRUE" : "FALSE";
        }
        if (value instanceof Byte) {
            return "CAST(" + value + " AS TINYINT)";
        }
        if (value instanceof Short) {
            return "CAST(" + value + " AS SMALLINT)";
        }
        if (value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return "CAST(" + value + " AS BIGINT)";
        }
        if (value instanceof Float) {
            return "CAST(" + quoted(value.toString()) + " AS FLOAT)";
        }
        if (value instanceof Double) {
            return "CAST(" + quoted(value.toString()) + " AS DOUBLE)";
        }
        if (value instanceof BigDecimal) {
            BigDecimal decimal = (BigDecimal) value;
            int scale = Math.max(decimal.scale(), 0);
            int precision = Math.max(decimal.precision(), scale + 1);
            return "CAST(" + quoted(decimal.setScale(scale).toPlainString()) + " AS DECIMAL(" + Math.min(precision, 38)
                    + ", " + Math.min(scale, 38) + "))";
        }
        if (value instanceof byte[]) {
            StringBuilder hex = new StringBuilder("X'");
            for (byte b : (byte[]) value) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.append('\'').toString();
        }
        if (value instanceof java.sql.Date) {
            return "DATE " + quoted(((java.sql.Date) value).toLocalDate().toString());
        }
        if (value instanceof java.sql.Time) {
            return "TIME " + quoted(time(((java.sql.Time) value).toLocalTime()));
        }
        if (value instanceof java.sql.Timestamp) {
            return timestamp(((java.sql.Timestamp) value).toLocalDateTime());
        }
        if (value instanceof LocalDate) {
            return "DATE " + quoted(value.toString());
        }
        if (value instanceof LocalTime) {
            return "TIME " + quoted(time((LocalTime) value));
        }
        if (value instanceof LocalDateTime) {
            return timestamp((LocalDateTime) value);
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof java.util.Date) {
            return "TO_TIMESTAMP_LTZ(" + instant(value).toEpochMilli() + ", 3)";
        }
        if (value instanceof Period) {
            long months = ((Period) value).toTotalMonths();
            return "INTERVAL " + quoted((months < 0 ? "-" : "") + Math.abs(months / 12) + "-" + Math.abs(months % 12))
                    + " YEAR TO MONTH";
        }
        if (value instanceof Duration) {
            Duration duration = (Duration) value;
            long millis = Math.abs(duration.toMillis());
            return "INTERVAL " + quoted(String.format("%s%d %02d:%02d:%02d.%03d", duration.isNegative() ? "-" : "",
                    millis / 86_400_000L, millis / 3_600_000L % 24, millis / 60_000L % 60, millis / 1000L % 60,
                    millis % 1000L)) + " DAY TO SECOND(3)";
        }
        if (value instanceof Array) {
            return array(java.util.Arrays.asList((Object[]) ((Array) value).getArray()));
        }
        if (value instanceof Object[]) {
            return array(java.util.Arrays.asList((Object[]) value));
        }
        if (value instanceof Collection) {
            return array((Collection<?>) value);
        }
        if (value instanceof Map) {
            StringBuilder map = new StringBuilder("MAP[");
            Iterator<? extends Map.Entry<?, ?>> entries = ((Map<?, ?>) value).entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                map.append(render(entry.getKey(), Types.OTHER)).append(", ").append(render(entry.getValue(),
                        Types.OTHER));
                if (entries.hasNext()) {
                    map.append(", ");
                }
            }
            return map.append(']').toString();
        }
        throw Errors.of(ErrorCode.INVALID_ARGUMENT, "cannot render a parameter of class " + value.getClass().getName()
                + " as a Flink SQL literal");
    }

    private static String timestamp(LocalDateTime value) {
        return "TIMESTAMP " + quoted(value.toLocalDate() + " " + time(value.toLocalTime()));
    }

    /** HH:mm:ss always (LocalTime.toString drops zero seconds, which Flink's literals need), then the fraction. */
    private static String time(LocalTime value) {
        String text = String.format("%02d:%02d:%02d", value.getHour(), value.getMinute(), value.getSecond());
        if (value.getNano() == 0) {
            return text;
        }
        String fraction = String.format("%09d", value.getNano()).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toInstant();
        }
        return ((java.util.Date) value).toInstant();
    }

    private static String array(Collection<?> elements) throws SQLException {
        StringBuilder array = new StringBuilder("ARRAY[");
        int i = 0;
        for (Object element : elements) {
            array.append(i++ == 0 ? "" : ", ").append(render(element, Types.OTHER));
        }
        return array.append(']').toString();
    }

    /** The java.sql.Types a value's own literal already has (no CAST needed for it). */
    static int naturalType(Object value) {
        if (value instanceof String || value instanceof Character) {
            return Types.VARCHAR;
        }
        if (value instanceof Boolean) {
            return Types.BOOLEAN;
        }
        if (value instanceof Byte) {
            return Types.TINYINT;
        }
        if (value instanceof Short) {
            return Types.SMALLINT;
        }
        if (value instanceof Integer) {
            return Types.INTEGER;
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return Types.BIGINT;
        }
        if (value instanceof Float) {
            return Types.REAL;
        }
        if (value instanceof Double) {
            return Types.DOUBLE;
        }
        if (value instanceof BigDecimal) {
            return Types.DECIMAL;
        }
        if (value instanceof byte[]) {
            return Types.VARBINARY;
        }
        if (value instanceof java.sql.Date || value instanceof LocalDate) {
            return Types.DATE;
        }
        if (value instanceof java.sql.Time || value instanceof LocalTime) {
            return Types.TIME;
        }
        if (value instanceof java.sql.Timestamp || value instanceof LocalDateTime) {
            return Types.TIMESTAMP;
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return Types.OTHER;
    }

    /** The Flink type a java.sql.Types constant asks for, or null when none applies (OTHER, JAVA_OBJECT...). */
    static String typeName(int sqlType) {
        switch (sqlType) {
            case Types.CHAR:
            case Types.NCHAR:
            case Types.VARCHAR:
            case Types.NVARCHAR:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
                return "STRING";
            case Types.BOOLEAN:
            case Types.BIT:
                return "BOOLEAN";
            case Types.TINYINT:
                return "TINYINT";
            case Types.SMALLINT:
                return "SMALLINT";
            case Types.INTEGER:
                return "INT";
            case Types.BIGINT:
                return "BIGINT";
            case Types.REAL:
            case Types.FLOAT:
                return "FLOAT";
            case Types.DOUBLE:
                return "DOUBLE";
            case Types.DECIMAL:
            case Types.NUMERIC:
                return "DECIMAL(38, 18)";
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return "BYTES";
            case Types.DATE:
                return "DATE";
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return "TIME";
            case Types.TIMESTAMP:
                return "TIMESTAMP(9)";
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return "TIMESTAMP_LTZ(9)";
            default:
                return null;
        }
    }
}
