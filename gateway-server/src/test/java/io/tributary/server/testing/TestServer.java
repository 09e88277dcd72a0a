package io.tributary.server.testing;

import static java.util.Objects.requireNonNull;

import io.tributary.server.TributaryServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Tributary server in the test JVM, on free ports of 127.0.0.1 and its own data directory: one per test
 * class. It can be stopped and started again on the same data directory.
 */
public final class TestServer implements AutoCloseable {

    private final Path dataDir;
    private final int port = FreePorts.next();
    private final int gatewayPort = FreePorts.next();
    private final int flinkPort = FreePorts.next();
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext context;

    private TestServer(Path dataDir, Map<String, String> settings) {
        this.dataDir = requireNonNull(dataDir, "dataDir is null");
        this.settings = Map.copyOf(settings);
    }

    /** A started server with the embedded defaults (H2 metadata database under a temporary data directory). */
    public static TestServer start() {
        return start(Map.of());
    }

    /** A started server with extra settings, e.g. {@code tributary.metadata.url}. */
    public static TestServer start(Map<String, String> settings) {
        try {
            TestServer server = new TestServer(Files.createTempDirectory("tributary-test-"), settings);
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again) on the same data directory and ports. */
    public synchronized void startAgain() {
        if (context != null) {
            throw new IllegalStateException("already running");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tributary.data-dir", dataDir.toString());
        properties.put("server.port", port);
        properties.put("tributary.gateway.port", gatewayPort);
        properties.put("tributary.flink.port", flinkPort);
        properties.put("tributary.flink.slots", 4);
        properties.putAll(settings);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        context = new SpringApplicationBuilder(TributaryServer.class).run(args.toArray(String[]::new));
    }

    /** Stops the server as SIGTERM would: sessions closed, cluster stopped. */
    public synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** The URL of Flink's own JDBC driver for this server's gateway. */
    public String flinkJdbcUrl() {
        return "jdbc:flink://127.0.0.1:" + gatewayPort;
    }

    public int port() {
        return port;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    public int flinkPort() {
        return flinkPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** GET on the management API; returns the status and the body. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(managementUrl() + path)).GET().build());
    }

    /** POST of a JSON body on the management API; returns the status and the body. */
    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(managementUrl() + path))
                .header("Content-Type", "application/json")
                .header("X-Tributary-User", "test")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Drops every stored catalog but the default one, through the management API: catalogs are shared by all
     * sessions and survive them, so tests that reuse names start from a clean store.
     */
    public void dropCatalogs() {
        HttpResponse<String> listing = get("/api/v1/catalogs");
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\"name\":\"([^\"]+)\"")
                .matcher(listing.body());
        while (names.find()) {
            if (!names.group(1).equals("default_catalog")) {
                send(HttpRequest.newBuilder(URI.create(managementUrl() + "/api/v1/catalogs/" + names.group(1)))
                        .DELETE().build());
            }
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
