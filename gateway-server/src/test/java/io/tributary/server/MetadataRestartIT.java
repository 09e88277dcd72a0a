package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import io.tributary.server.metadata.MetadataSchemaStatus;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server stops cleanly (sessions closed, nothing left listening) and starts again on the same metadata
 * database with everything intact — on H2 under the data directory and on MariaDB.
 */
class MetadataRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void restartsOnTheSameMetadataDatabase(MetadataDatabaseKind kind) throws Exception {
        try (TestDatabase mariaDb = kind == MetadataDatabaseKind.MYSQL ? TestDatabase.mariaDb() : null;
                TestServer server = TestServer.start(settings(mariaDb))) {
            JsonNode first = info(server);
            assertThat(first.path("metadataDatabase").path("kind").asText()).isEqualTo(kind.label());
            assertThat(server.bean(MetadataSchemaStatus.class).schemas())
                    .allSatisfy(schema -> assertThat(schema.migrationsApplied()).isPositive());

            try (Connection session = DriverManager.getConnection(server.flinkJdbcUrl());
                    Statement statement = session.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT 'still open'")) {
                assertThat(rows.next()).isTrue();
                assertThat(server.bean(EmbeddedSqlGateway.class).openSessions()).isEqualTo(1);
                server.stop();
            }
            assertThat(FreePorts.isFree(server.port())).as("management port free").isTrue();
            assertThat(FreePorts.isFree(server.gatewayPort())).as("gateway port free").isTrue();
            assertThat(FreePorts.isFree(server.flinkPort())).as("Flink REST port free").isTrue();

            server.startAgain();
            JsonNode second = info(server);
            assertThat(second.path("instanceId").asText()).isNotEqualTo(first.path("instanceId").asText());
            assertThat(second.path("metadataDatabase").path("schemaVersions"))
                    .isEqualTo(first.path("metadataDatabase").path("schemaVersions"));
            assertThat(server.bean(MetadataSchemaStatus.class).schemas())
                    .allSatisfy(schema -> assertThat(schema.migrationsApplied()).isZero());

            JsonNode instances = JSON.readTree(server.get("/api/v1/instances").body());
            assertThat(instances).hasSize(2);
            assertThat(instances.get(0).path("id").asText()).isEqualTo(second.path("instanceId").asText());
            assertThat(instances.get(1).path("id").asText()).isEqualTo(first.path("instanceId").asText());
            assertThat(instances.get(1).path("stoppedAt").isTextual()).as("first run recorded as stopped").isTrue();
        }
    }

    private static Map<String, String> settings(TestDatabase mariaDb) {
        if (mariaDb == null) {
            return Map.of("tributary.gateway.warm-up", "false");
        }
        return Map.of(
                "tributary.gateway.warm-up", "false",
                "tributary.metadata.url", mariaDb.jdbcUrl(),
                "tributary.metadata.user", mariaDb.user(),
                "tributary.metadata.password", mariaDb.password());
    }

    private static JsonNode info(TestServer server) throws Exception {
        return JSON.readTree(server.get("/api/v1/info").body());
    }
}
