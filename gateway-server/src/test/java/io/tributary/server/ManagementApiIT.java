package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The management API of a real server on the embedded defaults: info, health, OpenAPI, the error model. */
class ManagementApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void infoNamesVersionsPortsMetadataDatabaseAndEmbeddedCluster() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/info");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = JSON.readTree(response.body());
        assertThat(info.path("product").asText()).isEqualTo("Tributary");
        assertThat(info.path("version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(info.path("flinkVersion").asText()).isEqualTo("1.20.0");
        assertThat(info.path("javaVersion").asText()).startsWith(String.valueOf(Runtime.version().feature()));
        assertThat(info.path("ports").path("management").asInt()).isEqualTo(server.port());
        assertThat(info.path("ports").path("gateway").asInt()).isEqualTo(server.gatewayPort());
        assertThat(info.path("ports").path("flink").asInt()).isEqualTo(server.flinkPort());
        assertThat(info.path("urls").path("gateway").asText()).isEqualTo(server.gatewayUrl());
        assertThat(info.path("metadataDatabase").path("kind").asText()).isEqualTo("h2");
        assertThat(info.path("metadataDatabase").path("url").asText())
                .startsWith("jdbc:h2:async:").contains(server.dataDir().toString());
        assertThat(info.path("metadataDatabase").path("schemaVersions").path("catalog-service").asText())
                .isNotBlank();
        assertThat(info.path("embeddedCluster").path("restAddress").asText())
                .isEqualTo("http://127.0.0.1:" + server.flinkPort());
        assertThat(info.path("embeddedCluster").path("running").asBoolean()).isTrue();
        assertThat(info.path("embeddedCluster").path("slotsPerTaskManager").asInt()).isEqualTo(4);
    }

    @Test
    void healthCoversMetadataDatabaseEmbeddedClusterAndGatewayEndpoint() throws Exception {
        HttpResponse<String> response = server.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode components = health.path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("flinkCluster").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("flinkCluster").path("details").path("slotsTotal").asInt()).isEqualTo(4);
        assertThat(components.path("sqlGateway").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiDocumentsTheManagementApi() throws Exception {
        HttpResponse<String> response = server.get("/api/v1/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode openApi = JSON.readTree(response.body());
        assertThat(openApi.path("paths").has("/api/v1/info")).isTrue();
        assertThat(openApi.path("paths").has("/api/v1/instances")).isTrue();
        assertThat(server.get("/api/v1/docs").statusCode()).isIn(200, 302);
    }

    @Test
    void theEmbeddedClusterServesFlinksRestApiAndWebUi() {
        HttpResponse<String> overview = server.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.flinkPort() + "/overview")).GET().build());
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("\"flink-version\":\"1.20.0\"").contains("\"slots-total\":4");
        HttpResponse<String> webUi = server.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.flinkPort() + "/")).GET().build());
        assertThat(webUi.statusCode()).isEqualTo(200);
        assertThat(webUi.body()).containsIgnoringCase("<html");
    }

    @Test
    void theGatewayServesEveryRestApiVersionOfFlink120() throws Exception {
        HttpResponse<String> versions = server.send(HttpRequest.newBuilder(
                URI.create(server.gatewayUrl() + "/v1/api_versions")).GET().build());
        assertThat(versions.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(versions.body()).path("versions").toString()).contains("V1", "V2", "V3");
    }

    @Test
    void instancesListThisServer() throws Exception {
        String instanceId = JSON.readTree(server.get("/api/v1/info").body()).path("instanceId").asText();
        HttpResponse<String> response = server.get("/api/v1/instances");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = JSON.readTree(response.body()).get(0);
        assertThat(first.path("id").asText()).isEqualTo(instanceId);
        assertThat(first.path("gatewayPort").asInt()).isEqualTo(server.gatewayPort());
        assertThat(first.path("stoppedAt").isNull() || first.path("stoppedAt").isMissingNode()).isTrue();
    }

    @Test
    void usersMistakesAre4xxWithAnErrorCode() throws Exception {
        HttpResponse<String> unknownPath = server.get("/api/v1/no-such-thing");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownPath.body()).path("code").asText()).isEqualTo("NOT_FOUND");

        HttpResponse<String> badLimit = server.get("/api/v1/instances?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(badLimit.body());
        assertThat(error.path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.path("type").asText()).isEqualTo("USER_ERROR");
        assertThat(error.path("message").asText()).contains("limit");

        HttpResponse<String> notANumber = server.get("/api/v1/instances?limit=many");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notANumber.body()).path("code").asText()).isEqualTo("INVALID_REQUEST");

        HttpResponse<String> wrongMethod = server.send(HttpRequest.newBuilder(
                URI.create(server.managementUrl() + "/api/v1/info")).DELETE().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(wrongMethod.body()).path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }
}
