package io.tributary.server.result.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.testing.GatewayRestClient;
import io.tributary.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code tributary.gateway.result-channels=false}, every query runs with Flink's own collect sink. */
class CollectPathIT {

    private static TestServer server;
    private static GatewayRestClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("tributary.gateway.result-channels", "false"));
        client = new GatewayRestClient(server, "collect-path-it");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void turnedOffEveryQueryTakesFlinksCollectSink() throws Exception {
        String session = client.open(Map.of("execution.runtime-mode", "batch"));
        client.run(session, "CREATE TEMPORARY TABLE numbers (k BIGINT) WITH ('connector' = 'datagen', "
                + "'number-of-rows' = '1000', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1', "
                + "'fields.k.end' = '1000')");
        client.run(session, "SET 'pipeline.name' = 'collect-path'");
        List<JsonNode> rows = client.allRows(session, client.submit(session, "SELECT k FROM numbers"), "JSON");
        assertThat(rows).hasSize(1_000);
        assertThat(rows.stream().mapToLong(row -> row.path("fields").get(0).asLong()).sum()).isEqualTo(500_500);
        String plan = client.flink("/jobs/" + client.jobId("collect-path") + "/plan").body();
        assertThat(plan).contains("Collect table sink").doesNotContain("result channel");
        client.close(session);
    }
}
