package io.tributary.jdbc.types;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The text of a value as {@code getString} returns it: the way Flink's own clients print results (TIMESTAMP with a
 * space and its precision's fraction digits, TIMESTAMP_LTZ in the session's time zone, BYTES as {@code x'0aff'},
 * ARRAY as {@code [1, 2]}, MAP as {@code {k=1}}, ROW as {@code (1, a)}, intervals as {@code +1-02} and
 * {@code +2 03:04:05.000}).
 */
public final class ValueFormatter {

    private static final DateTimeFormatter[] TIMES = formatters("HH:mm:ss");
    private static final DateTimeFormatter[] TIMESTAMPS = formatters("yyyy-MM-dd HH:mm:ss");

    private final ZoneId sessionZone;

    public ValueFormatter(ZoneId sessionZone) {
        this.sessionZone = requireNonNull(sessionZone, "sessionZone is null");
    }

    public ZoneId sessionZone() {
        return sessionZone;
    }

    public String format(FlinkType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type.root()) {
            case BOOLEAN:
                return ((Boolean) value) ? "TRUE" : "FALSE";
            case DECIMAL:
                return ((BigDecimal) value).toPlainString();
            case BINARY:
            case VARBINARY:
                return hex((byte[]) value);
            case TIME_WITHOUT_TIME_ZONE:
                return TIMES[Math.min(type.precision(), 9)].format((LocalTime) value);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return TIMESTAMPS[Math.min(type.precision(), 9)].format((LocalDateTime) value);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return TIMESTAMPS[Math.min(type.precision(), 9)].format(((Instant) value).atZone(sessionZone));
            case INTERVAL_YEAR_MONTH:
                return yearMonth((Period) value);
            case INTERVAL_DAY_TIME:
                return dayTime((Duration) value);
            case ARRAY:
                return sequence(type.children().get(0), (List<?>) value, "[", "]");
            case MAP:
            case MULTISET:
                return map(type, (Map<?, ?>) value);
            case ROW:
                return row(type, (List<?>) value);
            default:
                return value.toString();
        }
    }

    private String nested(FlinkType type, Object value) {
        return value == null ? "NULL" : format(type, value);
    }

    private String sequence(FlinkType element, List<?> values, String open, String close) {
        StringBuilder text = new StringBuilder(open);
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(nested(element, values.get(i)));
        }
        return text.append(close).toString();
    }

    private String map(FlinkType type, Map<?, ?> values) {
        FlinkType keyType = type.children().get(0);
        FlinkType valueType = type.root() == TypeRoot.MAP ? type.children().get(1)
                : FlinkType.of(TypeRoot.INTEGER, false);
        StringBuilder text = new StringBuilder("{");
        Iterator<? extends Map.Entry<?, ?>> entries = values.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            text.append(nested(keyType, entry.getKey())).append('=').append(nested(valueType, entry.getValue()));
            if (entries.hasNext()) {
                text.append(", ");
            }
        }
        return text.append('}').toString();
    }

    private String row(FlinkType type, List<?> values) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(nested(type.children().get(i), values.get(i)));
        }
        return text.append(')').toString();
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2 + 3).append("x'");
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.append('\'').toString();
    }

    private static String yearMonth(Period period) {
        long months = period.toTotalMonths();
        return (months < 0 ? "-" : "+") + Math.abs(months / 12) + "-" + String.format("%02d", Math.abs(months % 12));
    }

    private static String dayTime(Duration duration) {
        long millis = Math.abs(duration.toMillis());
        return String.format("%s%d %02d:%02d:%02d.%03d", duration.isNegative() ? "-" : "+", millis / 86_400_000L,
                millis / 3_600_000L % 24, millis / 60_000L % 60, millis / 1000L % 60, millis % 1000L);
    }

    /** One formatter per precision 0..9: immutable, so shared. */
    private static DateTimeFormatter[] formatters(String pattern) {
        DateTimeFormatter[] formatters = new DateTimeFormatter[10];
        for (int precision = 0; precision < formatters.length; precision++) {
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern(pattern);
            if (precision > 0) {
                builder.appendFraction(ChronoField.NANO_OF_SECOND, precision, precision, true);
            }
            formatters[precision] = builder.toFormatter();
        }
        return formatters;
    }
}
