package io.tributary.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mute windows as users write them and as they are stored: {@code {"from": "01:00", "to": "03:00", "timeZone":
 * "UTC"}} (every day; time zone UTC when not given) or {@code {"until": "2026-12-01T06:00:00Z"}}.
 */
public final class MuteWindows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MuteWindows() {}

    /** Parses what a user sent; field names in errors are {@code mutes[i].x}. */
    public static List<MuteWindow> parse(List<Map<String, Object>> mutes) {
        List<MuteWindow> parsed = new ArrayList<>();
        if (mutes == null) {
            return parsed;
        }
        for (int i = 0; i < mutes.size(); i++) {
            Map<String, Object> mute = mutes.get(i) == null ? Map.of() : mutes.get(i);
            String field = "mutes[" + i + "]";
            if (mute.containsKey("until")) {
                try {
                    parsed.add(new MuteWindow.Until(Instant.parse(String.valueOf(mute.get("until")))));
                } catch (DateTimeParseException e) {
                    throw new InvalidAlertDefinitionException(field + ".until", "'" + mute.get("until")
                            + "' is not an instant like 2026-12-01T06:00:00Z");
                }
            } else if (mute.containsKey("from") || mute.containsKey("to")) {
                LocalTime from = time(mute.get("from"), field + ".from");
                LocalTime to = time(mute.get("to"), field + ".to");
                ZoneId zone;
                try {
                    Object text = mute.get("timeZone");
                    zone = ZoneId.of(text == null ? "UTC" : String.valueOf(text));
                } catch (DateTimeException e) {
                    throw new InvalidAlertDefinitionException(field + ".timeZone", "unknown time zone '"
                            + mute.get("timeZone") + "'");
                }
                if (from.equals(to)) {
                    throw new InvalidAlertDefinitionException(field, "from and to are the same time");
                }
                parsed.add(new MuteWindow.Daily(from, to, zone));
            } else {
                throw new InvalidAlertDefinitionException(field, "a mute window is {\"from\": \"HH:mm\", \"to\":"
                        + " \"HH:mm\", \"timeZone\": \"UTC\"} or {\"until\": \"<instant>\"}");
            }
        }
        return parsed;
    }

    private static LocalTime time(Object value, String field) {
        if (value == null) {
            throw new InvalidAlertDefinitionException(field, "missing (HH:mm)");
        }
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidAlertDefinitionException(field, "'" + value + "' is not a time of day like 01:30");
        }
    }

    /** The API's and the database's form. */
    public static List<Map<String, Object>> describe(List<MuteWindow> mutes) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (MuteWindow mute : mutes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (mute instanceof MuteWindow.Daily daily) {
                entry.put("from", daily.from().toString());
                entry.put("to", daily.to().toString());
                entry.put("timeZone", daily.zone().getId());
            } else if (mute instanceof MuteWindow.Until until) {
                entry.put("until", until.until().toString());
            }
            described.add(entry);
        }
        return described;
    }

    static String toJson(List<MuteWindow> mutes) {
        ArrayNode array = JSON.createArrayNode();
        for (Map<String, Object> entry : describe(mutes)) {
            ObjectNode node = array.addObject();
            entry.forEach((key, value) -> node.put(key, String.valueOf(value)));
        }
        return array.toString();
    }

    static List<MuteWindow> fromJson(String json) {
        try {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> entry.put(field.getKey(), field.getValue().asText()));
                entries.add(entry);
            }
            return parse(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored mute windows are not JSON: " + json, e);
        }
    }
}
