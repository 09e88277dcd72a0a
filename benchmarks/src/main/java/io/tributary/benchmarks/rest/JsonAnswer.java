package io.tributary.benchmarks.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/** One HTTP answer: the request it answers, its status, its body as JSON (missing when not JSON) and as text. */
public record JsonAnswer(String request, int status, JsonNode body, String text) {

    private static final int MAX_DETAIL_LENGTH = 500;

    public JsonAnswer {
        requireNonNull(request, "request is null");
        requireNonNull(body, "body is null");
        requireNonNull(text, "text is null");
    }

    /** The body, when the status is one of {@code expected}. */
    public JsonNode expect(int... expected) throws RestRequestException {
        if (Arrays.stream(expected).noneMatch(status -> status == this.status)) {
            throw new RestRequestException(request, status, detail());
        }
        return body;
    }

    /**
     * What an error answer says: Tributary's {@code {"code", "message"}}, the first of Flink's {@code errors},
     * else the start of the text.
     */
    public String detail() {
        if (body.hasNonNull("message")) {
            String code = body.path("code").asText("");
            return (code.isEmpty() ? "" : code + ": ") + body.get("message").asText();
        }
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            String first = errors.get(0).asText();
            int endOfLine = first.indexOf('\n');
            return endOfLine < 0 ? first : first.substring(0, endOfLine);
        }
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "...";
    }
}
