package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** One answer of the gateway's fetch-results endpoint: its type, how many rows it holds, and where to go next. */
public record ResultPage(Type type, int rowCount, Optional<String> nextResultPath) {

    /** Flink's result types: no result yet, a page of rows (possibly empty), or the end of the results. */
    public enum Type {
        NOT_READY,
        PAYLOAD,
        EOS
    }

    public ResultPage {
        requireNonNull(type, "type is null");
        requireNonNull(nextResultPath, "nextResultPath is null");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount is negative: " + rowCount);
        }
    }

    /** No more pages follow this one. */
    public boolean isLast() {
        return type == Type.EOS || nextResultPath.isEmpty();
    }

    static ResultPage fromJson(JsonNode body) throws IOException {
        requireNonNull(body, "body is null");
        JsonNode type = body.get("resultType");
        if (type == null || !type.isTextual()) {
            throw new IOException("a result page without resultType: " + body);
        }
        Type parsedType;
        try {
            parsedType = Type.valueOf(type.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown resultType " + type.asText(), e);
        }
        JsonNode data = body.path("results").path("data");
        JsonNode next = body.get("nextResultUri");
        return new ResultPage(parsedType, data.isArray() ? data.size() : 0,
                next == null || next.isNull() ? Optional.empty() : Optional.of(next.asText()));
    }
}
