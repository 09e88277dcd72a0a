package io.tributary.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Lists and maps stored as JSON text columns of the metadata database. */
final class JsonColumns {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final ObjectMapper json = new ObjectMapper();

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store as JSON: " + e.getOriginalMessage(), e);
        }
    }

    Map<String, String> readMap(String text) {
        return read(text, MAP);
    }

    List<String> readList(String text) {
        return read(text, LIST);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column in the metadata database: " + e.getOriginalMessage(),
                    e);
        }
    }
}
