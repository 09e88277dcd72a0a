package io.tributary.benchmarks.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class JsonAnswerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anExpectedStatusGivesTheBody() throws Exception {
        JsonAnswer answer = new JsonAnswer("GET /x", 201, json.readTree("{\"id\":\"1\"}"), "{\"id\":\"1\"}");

        assertThat(answer.expect(200, 201).get("id").asText()).isEqualTo("1");
    }

    @Test
    void anotherStatusIsAnErrorSayingWhatTheServerSaid() throws Exception {
        String tributary = "{\"code\":\"CONFLICT\",\"type\":\"USER_ERROR\",\"message\":\"job is running\"}";
        assertThatThrownBy(() -> new JsonAnswer("POST /api/v1/jobs/1/deploy", 409, json.readTree(tributary), tributary)
                .expect(200))
                .isInstanceOf(RestRequestException.class)
                .hasMessage("POST /api/v1/jobs/1/deploy answered HTTP 409: CONFLICT: job is running");

        String flink = "{\"errors\":[\"Internal server error.\\n<Exception on server side:\\n...\"]}";
        assertThat(new JsonAnswer("GET /jobs/x", 500, json.readTree(flink), flink).detail())
                .isEqualTo("Internal server error.");
        assertThat(new JsonAnswer("GET /", 502, MissingNode.getInstance(), "Bad Gateway").detail())
                .isEqualTo("Bad Gateway");
    }
}
