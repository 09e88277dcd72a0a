package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.MultisetType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.apache.flink.table.utils.print.RowDataToStringConverter;

/**
 * Rows as text, for the REST protocol's {@code rowFormat=PLAIN_TEXT}, written the way Flink's own converter writes
 * them (values cast to strings): {@code TRUE}, {@code x'0102'}, timestamps with as many fraction digits as their
 * precision, {@code [1, NULL]}, {@code {a=1}}, {@code (1, x)}; a null column is a null string.
 */
final class PlainTextRows implements RowDataToStringConverter {

    private static final String NULL = "NULL";

    private final List<RowData.FieldGetter> getters;
    private final List<Function<Object, String>> formats;

    PlainTextRows(RowType rowType, ZoneId zone) {
        requireNonNull(rowType, "rowType is null");
        requireNonNull(zone, "zone is null");
        List<LogicalType> types = rowType.getChildren();
        this.getters = IntStream.range(0, types.size())
                .mapToObj(i -> RowData.createFieldGetter(types.get(i), i)).toList();
        this.formats = types.stream().map(type -> format(type, zone)).toList();
    }

    @Override
    public String[] convert(RowData row) {
        String[] text = new String[getters.size()];
        for (int i = 0; i < text.length; i++) {
            Object value = getters.get(i).getFieldOrNull(row);
            text[i] = value == null ? null : formats.get(i).apply(value);
        }
        return text;
    }

    private static Function<Object, String> format(LogicalType type, ZoneId zone) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return value -> (Boolean) value ? "TRUE" : "FALSE";
            case CHAR:
            case VARCHAR:
                return value -> ((StringData) value).toString();
            case BINARY:
            case VARBINARY:
                return value -> "x'" + HexFormat.of().formatHex((byte[]) value) + "'";
            case DECIMAL:
                return value -> ((DecimalData) value).toString();
            case DATE:
                return value -> LocalDate.ofEpochDay((Integer) value).toString();
            case TIME_WITHOUT_TIME_ZONE: {
                int precision = LogicalTypeChecks.getPrecision(type);
                return value -> time(LocalTime.ofNanoOfDay((Integer) value * 1_000_000L), precision);
            }
            case TIMESTAMP_WITHOUT_TIME_ZONE: {
                int precision = LogicalTypeChecks.getPrecision(type);
                return value -> timestamp(((TimestampData) value).toLocalDateTime(), precision);
            }
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                int precision = LogicalTypeChecks.getPrecision(type);
                return value -> timestamp(LocalDateTime.ofInstant(((TimestampData) value).toInstant(), zone),
                        precision);
            }
            case INTERVAL_YEAR_MONTH:
                return value -> yearMonth((Integer) value);
            case INTERVAL_DAY_TIME:
                return value -> dayTime((Long) value);
            case ARRAY:
                return array(((ArrayType) type).getElementType(), zone);
            case MULTISET:
                return map(((MultisetType) type).getElementType(), new IntType(),
                        zone);
            case MAP:
                return map(((MapType) type).getKeyType(), ((MapType) type).getValueType(), zone);
            case ROW:
                return row((RowType) type, zone);
            default:
                return String::valueOf;
        }
    }

    private static Function<Object, String> array(LogicalType elementType, ZoneId zone) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(elementType);
        Function<Object, String> element = format(elementType, zone);
        return value -> {
            ArrayData array = (ArrayData) value;
            StringJoiner text = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < array.size(); i++) {
                Object item = getter.getElementOrNull(array, i);
                text.add(item == null ? NULL : element.apply(item));
            }
            return text.toString();
        };
    }

    private static Function<Object, String> map(LogicalType keyType, LogicalType valueType, ZoneId zone) {
        ArrayData.ElementGetter keys = ArrayData.createElementGetter(keyType);
        ArrayData.ElementGetter values = ArrayData.createElementGetter(valueType);
        Function<Object, String> keyText = format(keyType, zone);
        Function<Object, String> valueText = format(valueType, zone);
        return value -> {
            MapData map = (MapData) value;
            StringJoiner text = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < map.size(); i++) {
                Object key = keys.getElementOrNull(map.keyArray(), i);
                Object item = values.getElementOrNull(map.valueArray(), i);
                text.add((key == null ? NULL : keyText.apply(key)) + "=" + (item == null ? NULL
                        : valueText.apply(item)));
            }
            return text.toString();
        };
    }

    private static Function<Object, String> row(RowType type, ZoneId zone) {
        PlainTextRows fields = new PlainTextRows(type, zone);
        return value -> {
            StringJoiner text = new StringJoiner(", ", "(", ")");
            for (String field : fields.convert((RowData) value)) {
                text.add(field == null ? NULL : field);
            }
            return text.toString();
        };
    }

    private static String time(LocalTime time, int precision) {
        return String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond())
                + fraction(time.getNano(), precision);
    }

    private static String timestamp(LocalDateTime timestamp, int precision) {
        return timestamp.toLocalDate() + " " + time(timestamp.toLocalTime(), precision);
    }

    private static String fraction(int nanos, int precision) {
        if (precision <= 0) {
            return "";
        }
        return "." + String.format("%09d", nanos).substring(0, Math.min(precision, 9));
    }

    private static String yearMonth(int months) {
        int absolute = Math.abs(months);
        return (months < 0 ? "-" : "+") + absolute / 12 + "-" + String.format("%02d", absolute % 12);
    }

    private static String dayTime(long millis) {
        long absolute = Math.abs(millis);
        long days = absolute / 86_400_000L;
        long rest = absolute % 86_400_000L;
        return (millis < 0 ? "-" : "+") + days + " " + String.format("%02d:%02d:%02d.%03d", rest / 3_600_000L,
                rest / 60_000L % 60, rest / 1000 % 60, rest % 1000);
    }
}
