package io.tributary.jdbc.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the gateway's logicalType JSON ({@code {"type":"DECIMAL","nullable":false,"precision":10,"scale":2}}). */
public final class FlinkTypeJson {

    private FlinkTypeJson() {}

    public static FlinkType read(Object json) {
        if (!(json instanceof Map)) {
            return FlinkType.of(TypeRoot.UNRESOLVED, true);
        }
        Map<?, ?> type = (Map<?, ?>) json;
        TypeRoot root = TypeRoot.fromJson((String) type.get("type"));
        boolean nullable = !Boolean.FALSE.equals(type.get("nullable"));
        switch (root) {
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return FlinkType.sized(root, nullable, number(type, "length", 1));
            case DECIMAL:
                return FlinkType.precise(root, nullable, number(type, "precision", 10), number(type, "scale", 0));
            case TIME_WITHOUT_TIME_ZONE:
                return FlinkType.precise(root, nullable, number(type, "precision", 0), 0);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return FlinkType.precise(root, nullable, number(type, "precision", 6), 0);
            case INTERVAL_YEAR_MONTH:
                return FlinkType.precise(root, nullable, number(type, "precision", 2), 0);
            case INTERVAL_DAY_TIME:
                return FlinkType.precise(root, nullable, number(type, "precision", 2),
                        number(type, "fractionalPrecision", 6));
            case ARRAY:
            case MULTISET:
                return FlinkType.composite(root, nullable, List.of(read(type.get("elementType"))), List.of());
            case MAP:
                return FlinkType.composite(root, nullable, List.of(read(type.get("keyType")),
                        read(type.get("valueType"))), List.of());
            case ROW:
                List<FlinkType> fields = new ArrayList<>();
                List<String> names = new ArrayList<>();
                Object members = type.get("fields");
                if (members instanceof List) {
                    for (Object field : (List<?>) members) {
                        Map<?, ?> member = (Map<?, ?>) field;
                        names.add(String.valueOf(member.get("name")));
                        fields.add(read(member.get("fieldType")));
                    }
                }
                return FlinkType.composite(root, nullable, fields, names);
            default:
                return FlinkType.of(root, nullable);
        }
    }

    private static int number(Map<?, ?> type, String member, int otherwise) {
        Object value = type.get(member);
        return value instanceof Number ? ((Number) value).intValue() : otherwise;
    }
}
