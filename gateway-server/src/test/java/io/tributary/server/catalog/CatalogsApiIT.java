package io.tributary.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.testing.DatabaseServer;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.ScratchDatabase;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogs API over a real MariaDB JDBC catalog: create (only once it opens), test, browse down to columns,
 * alter, drop — and the same store as CREATE CATALOG in a gateway session. Credentials never come back.
 */
class CatalogsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ScratchDatabase shop;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        shop = ScratchDatabase.create(DatabaseServer.MARIADB);
        shop.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL COMMENT 'full name',"
                + " email VARCHAR(80))", "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT)");
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        shop.close();
    }

    @Test
    void createBrowseAlterAndDropAJdbcCatalog() throws Exception {
        HttpResponse<String> created = server.post("/api/v1/catalogs", JSON.writeValueAsString(Map.of(
                "name", "shop", "type", "jdbc", "comment", "the shop's MariaDB",
                "options", jdbcOptions(shop.password()))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode catalog = JSON.readTree(created.body());
        assertThat(catalog.path("secrets").path("password").asText()).isEqualTo("set");
        assertThat(created.body()).doesNotContain(shop.password());
        assertThat(catalog.path("options").path("username").asText()).isEqualTo(shop.user());
        assertThat(catalog.path("version").asLong()).isEqualTo(1);

        assertThat(JSON.readTree(server.get("/api/v1/catalogs/shop/databases").body()).toString())
                .contains(shop.name());
        JsonNode tables = JSON.readTree(server.get("/api/v1/catalogs/shop/databases/" + shop.name() + "/tables")
                .body());
        assertThat(tables.findValuesAsText("name")).containsExactly("customers", "orders");
        JsonNode customers = JSON.readTree(server.get("/api/v1/catalogs/shop/databases/" + shop.name()
                + "/tables/customers").body());
        assertThat(customers.path("primaryKey").toString()).isEqualTo("[\"id\"]");
        assertThat(customers.path("columns").get(0).path("name").asText()).isEqualTo("id");
        assertThat(customers.path("columns").get(0).path("primaryKey").asBoolean()).isTrue();
        assertThat(customers.path("columns").get(1).path("type").asText()).contains("VARCHAR(40)");
        assertThat(customers.path("columns").get(1).path("nullable").asBoolean()).isFalse();
        assertThat(customers.path("columns").get(2).path("nullable").asBoolean()).isTrue();

        try (Connection session = DriverManager.getConnection(server.flinkJdbcUrl());
                Statement statement = session.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            shop.execute("INSERT INTO customers VALUES (1, 'Ada', NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT name FROM shop.`" + shop.name() + "`.customers")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Ada");
            }
        }

        HttpResponse<String> altered = server.send(HttpRequest.newBuilder(
                URI.create(server.managementUrl() + "/api/v1/catalogs/shop"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"comment\": \"renamed comment\", \"expectedVersion\": 1}")).build());
        assertThat(altered.statusCode()).as(altered.body()).isEqualTo(200);
        assertThat(JSON.readTree(altered.body()).path("version").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(altered.body()).path("secrets").path("password").asText()).isEqualTo("set");

        HttpResponse<String> stale = server.send(HttpRequest.newBuilder(
                URI.create(server.managementUrl() + "/api/v1/catalogs/shop"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"comment\": \"lost update\", \"expectedVersion\": 1}")).build());
        assertThat(stale.statusCode()).isEqualTo(409);

        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/api/v1/catalogs/shop"))
                .DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/catalogs/shop").statusCode()).isEqualTo(404);
    }

    @Test
    void aCatalogThatCannotOpenIsA400NamingTheReasonAndNothingIsStored() throws Exception {
        HttpResponse<String> wrongPassword = server.post("/api/v1/catalogs", JSON.writeValueAsString(Map.of(
                "name", "wrong_password", "type", "jdbc", "options", jdbcOptions("not-the-password"))));
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongPassword.body()).path("message").asText())
                .contains("Access denied").doesNotContain("not-the-password");

        Map<String, String> unreachable = new java.util.HashMap<>(jdbcOptions(shop.password()));
        int closedPort = FreePorts.next();
        unreachable.put("base-url", "jdbc:mysql://127.0.0.1:" + closedPort);
        HttpResponse<String> down = server.post("/api/v1/catalogs/test", JSON.writeValueAsString(Map.of(
                "type", "jdbc", "options", unreachable)));
        assertThat(down.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(down.body()).path("message").asText()).contains("127.0.0.1:" + closedPort);

        HttpResponse<String> unknownType = server.post("/api/v1/catalogs", "{\"name\":\"x\",\"type\":\"nope\"}");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownType.body()).path("message").asText()).contains("nope");

        HttpResponse<String> missingOption = server.post("/api/v1/catalogs", JSON.writeValueAsString(Map.of(
                "name", "no_base_url", "type", "jdbc", "options", Map.of("default-database", shop.name(),
                        "username", shop.user(), "password", shop.password()))));
        assertThat(missingOption.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missingOption.body()).path("message").asText()).contains("base-url");

        HttpResponse<String> test = server.post("/api/v1/catalogs/test", JSON.writeValueAsString(Map.of(
                "type", "jdbc", "options", jdbcOptions(shop.password()))));
        assertThat(test.statusCode()).as(test.body()).isEqualTo(200);

        assertThat(server.get("/api/v1/catalogs").body())
                .doesNotContain("wrong_password").doesNotContain("no_base_url").doesNotContain("\"x\"");
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.managementUrl()
                + "/api/v1/catalogs/default_catalog")).DELETE().build()).statusCode()).isEqualTo(400);
    }

    private static Map<String, String> jdbcOptions(String password) {
        return Map.of("base-url", DatabaseServer.MARIADB.baseUrl(), "default-database", shop.name(),
                "username", shop.user(), "password", password);
    }
}
