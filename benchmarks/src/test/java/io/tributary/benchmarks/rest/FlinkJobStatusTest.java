package io.tributary.benchmarks.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class FlinkJobStatusTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRunningJobWhoseTasksAreStillInitializing() throws Exception {
        FlinkJobStatus status = FlinkJobStatus.fromJson(json.readTree("""
                {"jid":"0123456789abcdef0123456789abcdef","state":"RUNNING",
                 "vertices":[{"id":"v1","status":"RUNNING"},{"id":"v2","status":"INITIALIZING"}]}
                """));

        assertThat(status.jobRunning()).isTrue();
        assertThat(status.allTasksRunning()).isFalse();
        assertThat(status.terminal()).isFalse();
    }

    @Test
    void allTasksRunningNeedsEveryVertexRunning() throws Exception {
        FlinkJobStatus status = FlinkJobStatus.fromJson(json.readTree("""
                {"state":"RUNNING","vertices":[{"status":"RUNNING"},{"status":"RUNNING"}]}
                """));

        assertThat(status.allTasksRunning()).isTrue();
        assertThat(FlinkJobStatus.fromJson(json.readTree("{\"state\":\"RUNNING\",\"vertices\":[]}"))
                .allTasksRunning()).isFalse();
    }

    @Test
    void endedStates() throws Exception {
        for (String state : new String[] {"FINISHED", "CANCELED", "FAILED"}) {
            assertThat(FlinkJobStatus.fromJson(json.readTree("{\"state\":\"" + state + "\"}")).terminal()).isTrue();
        }
        assertThat(FlinkJobStatus.fromJson(json.readTree("{\"state\":\"CANCELLING\"}")).terminal()).isFalse();
        assertThatThrownBy(() -> FlinkJobStatus.fromJson(json.readTree("{\"errors\":[]}")))
                .isInstanceOf(IOException.class).hasMessageContaining("without state");
    }
}
