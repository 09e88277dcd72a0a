package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * One answer of the gateway's fetch-results endpoint: its type, how many rows it holds, where to go next, and the
 * id of the Flink job the statement submitted, if it submitted one (Flink's {@code jobID} field).
 */
public record ResultPage(Type type, int rowCount, Optional<String> nextResultPath, Optional<String> jobId) {

    /** Flink's result types: no result yet, a page of rows (possibly empty), or the end of the results. */
    public enum Type {
        NOT_READY,
        PAYLOAD,
        EOS
    }

    public ResultPage {
        requireNonNull(type, "type is null");
        requireNonNull(nextResultPath, "nextResultPath is null");
        requireNonNull(jobId, "jobId is null");
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
        return new ResultPage(parsedType, data.isArray() ? data.size() : 0, text(body, "nextResultUri"),
                text(body, "jobID"));
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty()
                : Optional.of(value.asText());
    }
}
