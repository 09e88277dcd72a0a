package io.tributary.jdbc.types;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a field of the gateway's JSON rows into the driver's value for its type: String, Boolean, Byte, Short,
 * Integer, Long, Float, Double, BigDecimal, byte[], LocalDate, LocalTime, LocalDateTime, Instant (TIMESTAMP_LTZ),
 * Period and Duration (intervals), List (ARRAY and ROW fields, in order) and Map (MAP, and MULTISET as element to
 * count). The encodings are those of Flink's JSON format with ISO-8601 timestamps, which the gateway uses.
 */
public final class ValueDecoder {

    private ValueDecoder() {}

    public static Object decode(FlinkType type, Object json) {
        if (json == null) {
            return null;
        }
        switch (type.root()) {
            case CHAR:
            case VARCHAR:
                return json instanceof String ? json : String.valueOf(json);
            case BOOLEAN:
                return json instanceof Boolean ? json : Boolean.valueOf(String.valueOf(json));
            case BINARY:
            case VARBINARY:
                return Base64.getDecoder().decode((String) json);
            case DECIMAL:
                BigDecimal decimal = decimal(json);
                return decimal.scale() == type.scale() ? decimal
                        : decimal.setScale(type.scale(), java.math.RoundingMode.HALF_UP);
            case TINYINT:
                return ((Number) json).byteValue();
            case SMALLINT:
                return ((Number) json).shortValue();
            case INTEGER:
                return ((Number) json).intValue();
            case BIGINT:
                return ((Number) json).longValue();
            case FLOAT:
                return json instanceof Number ? ((Number) json).floatValue() : Float.parseFloat((String) json);
            case DOUBLE:
                return json instanceof Number ? ((Number) json).doubleValue() : Double.parseDouble((String) json);
            case DATE:
                return LocalDate.parse((String) json);
            case TIME_WITHOUT_TIME_ZONE:
                return LocalTime.parse((String) json);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return LocalDateTime.parse(((String) json).replace(' ', 'T'));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return instant((String) json);
            case INTERVAL_YEAR_MONTH:
                return Period.ofMonths(((Number) json).intValue()).normalized();
            case INTERVAL_DAY_TIME:
                return Duration.ofMillis(((Number) json).longValue());
            case ARRAY:
                return list(type.children().get(0), (List<?>) json);
            case MAP:
            case MULTISET:
                return map(type, (Map<?, ?>) json);
            case ROW:
                return row(type, json);
            default:
                return json;
        }
    }

    private static BigDecimal decimal(Object json) {
        if (json instanceof BigDecimal) {
            return (BigDecimal) json;
        }
        if (json instanceof Long || json instanceof Integer) {
            return BigDecimal.valueOf(((Number) json).longValue());
        }
        return new BigDecimal(json.toString());
    }

    private static Instant instant(String text) {
        if (text.endsWith("Z") || text.contains("+")) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
    }

    private static List<Object> list(FlinkType element, List<?> json) {
        List<Object> values = new ArrayList<>(json.size());
        for (Object item : json) {
            values.add(decode(element, item));
        }
        return Collections.unmodifiableList(values);
    }

    private static Map<Object, Object> map(FlinkType type, Map<?, ?> json) {
        FlinkType keyType = type.children().get(0);
        FlinkType valueType = type.root() == TypeRoot.MAP ? type.children().get(1)
                : FlinkType.of(TypeRoot.INTEGER, false);
        Map<Object, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : json.entrySet()) {
            values.put(decode(keyType, entry.getKey()), decode(valueType, entry.getValue()));
        }
        return Collections.unmodifiableMap(values);
    }

    private static List<Object> row(FlinkType type, Object json) {
        List<Object> values = new ArrayList<>(type.children().size());
        if (json instanceof Map) {
            Map<?, ?> fields = (Map<?, ?>) json;
            for (int i = 0; i < type.children().size(); i++) {
                values.add(decode(type.children().get(i), fields.get(type.fieldNames().get(i))));
            }
        } else if (json instanceof List) {
            List<?> fields = (List<?>) json;
            for (int i = 0; i < type.children().size() && i < fields.size(); i++) {
                values.add(decode(type.children().get(i), fields.get(i)));
            }
        }
        return Collections.unmodifiableList(values);
    }
}
