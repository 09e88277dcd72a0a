package io.tributary.server.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts end to end on a real server: channels and rules through the management API (secrets never returned,
 * mistakes answered with a code and the field), a test message, and a managed job that really fails on the embedded
 * Flink cluster (a CAST of a generated string to INT) whose alert reaches a webhook, signed, with links to the job
 * in Tributary and in Flink's web UI, and shows as DELIVERED in {@code GET /api/v1/alerts}.
 */
class AlertsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "webhook-signing-secret";

    private static TestServer server;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        server = TestServer.start(Map.of("tributary.jobs.poll-interval", "500ms",
                "tributary.alerts.poll-interval", "100ms",
                "tributary.alerts.public-url", "https://tributary.example.com"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aJobThatFailsOnTheClusterIsAlertedThroughTheWebhook() throws Exception {
        JsonNode channel = created(server.post("/api/v1/alert-channels", JSON.writeValueAsString(Map.of(
                "name", "ops-webhook", "type", "webhook", "url", receiver.url(), "secret", SECRET))));
        assertThat(channel.path("secrets")).isEqualTo(JSON.readTree("{\"url\": \"set\", \"secret\": \"set\"}"));
        assertThat(channel.path("settings").path("url").asText()).startsWith("http://127.0.0.1:").endsWith("/***");
        assertThat(channel.path("rateLimitPerMinute").asInt()).isEqualTo(60);
        assertThat(channel.path("rateLimitSource").asText()).isEqualTo("default");
        assertThat(server.get("/api/v1/alert-channels").body()).doesNotContain(SECRET).doesNotContain("/hooks/");
        String channelId = channel.path("id").asText();

        JsonNode test = ok(server.post("/api/v1/alert-channels/" + channelId + "/test", ""));
        assertThat(test.path("accepted").asBoolean()).isTrue();
        assertThat(test.path("statusCode").asInt()).isEqualTo(200);
        assertThat(test.path("answer").asText()).isEqualTo("{\"received\":true}");
        WebhookReceiver.Received testMessage = receiver.received().get(0);
        assertThat(JSON.readTree(testMessage.body()).path("kind").asText()).isEqualTo("test");
        assertThat(testMessage.header("X-Tributary-Signature")).isEqualTo(signature(testMessage.body()));
        assertThat(testMessage.header("X-Tributary-Idempotency-Key")).isEqualTo(test.path("idempotencyKey").asText());

        JsonNode rule = created(server.post("/api/v1/alert-rules", JSON.writeValueAsString(Map.of(
                "event", "JOB_FAILED", "channels", List.of(channelId), "severity", "critical"))));
        assertThat(rule.path("scope").path("kind").asText()).isEqualTo("all");

        String jobId = promoteFailingJob();
        ok(server.post("/api/v1/jobs/" + jobId + "/deploy", "{}"));

        JsonNode alertMessage = await(Duration.ofSeconds(120), () -> receiver.received().stream()
                .map(received -> read(received.body()))
                .filter(body -> body.path("kind").asText().equals("alert"))
                .findFirst().orElse(null));
        WebhookReceiver.Received request = receiver.received().stream()
                .filter(received -> read(received.body()).path("kind").asText().equals("alert")).findFirst()
                .orElseThrow();
        assertThat(request.header("X-Tributary-Signature")).isEqualTo(signature(request.body()));
        JsonNode alert = alertMessage.path("alerts").get(0);
        assertThat(alert.path("event").asText()).isEqualTo("JOB_FAILED");
        assertThat(alert.path("job").path("id").asText()).isEqualTo(jobId);
        assertThat(alert.path("job").path("name").asText()).isEqualTo("casts-a-word-to-int");
        assertThat(alert.path("cluster").path("name").asText()).isEqualTo("embedded");
        assertThat(alert.path("reason").asText()).containsIgnoringCase("NumberFormatException");
        String flinkJobId = alert.path("flinkJobId").asText();
        assertThat(flinkJobId).hasSize(32);
        assertThat(alert.path("links").path("tributary").asText())
                .isEqualTo("https://tributary.example.com/api/v1/jobs/" + jobId);
        assertThat(alert.path("links").path("flink").asText())
                .isEqualTo("http://127.0.0.1:" + server.flinkPort() + "/#/job/completed/" + flinkJobId + "/overview");
        assertThat(JSON.readTree(server.get("/api/v1/jobs/" + jobId).body()).path("state").asText())
                .isEqualTo("FAILED");

        JsonNode listed = await(Duration.ofSeconds(10), () -> {
            JsonNode alerts = read(server.get("/api/v1/alerts?job=" + jobId).body());
            return alerts.size() == 1 && alerts.get(0).path("deliveries").get(0).path("status").asText()
                    .equals("DELIVERED") ? alerts.get(0) : null;
        });
        JsonNode delivery = listed.path("deliveries").get(0);
        assertThat(delivery.path("channel").asText()).isEqualTo(channelId);
        assertThat(delivery.path("channelName").asText()).isEqualTo("ops-webhook");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("messageId").asText()).isEqualTo(alertMessage.path("id").asText());
        assertThat(listed.path("headline").asText()).isEqualTo("job 'casts-a-word-to-int' failed");

        HttpResponse<String> inUse = server.send(HttpRequest.newBuilder(URI.create(server.managementUrl()
                + "/api/v1/alert-channels/" + channelId)).DELETE().build());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(read(inUse.body()).path("code").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void mistakesAreAnsweredWithACodeAndTheFieldAndNothingIsStored() throws Exception {
        HttpResponse<String> badType = server.post("/api/v1/alert-channels", "{\"name\":\"x\",\"type\":\"pager\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(read(badType.body()).path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(read(badType.body()).path("details").path("field").asText()).isEqualTo("type");

        HttpResponse<String> noUrl = server.post("/api/v1/alert-channels", "{\"name\":\"x\",\"type\":\"dingtalk\"}");
        assertThat(read(noUrl.body()).path("details").path("field").asText()).isEqualTo("url");

        HttpResponse<String> badRate = server.post("/api/v1/alert-channels", "{\"name\":\"x\",\"type\":\"slack\","
                + "\"url\":\"https://hooks.slack.com/services/T/B/X\",\"rateLimitPerMinute\":0}");
        assertThat(read(badRate.body()).path("details").path("field").asText()).isEqualTo("rateLimitPerMinute");

        JsonNode slack = created(server.post("/api/v1/alert-channels", "{\"name\":\"team-slack\",\"type\":\"slack\","
                + "\"url\":\"https://hooks.slack.com/services/T0/B0/secret-part\",\"rateLimitPerMinute\":30}"));
        assertThat(slack.path("rateLimitPerMinute").asInt()).isEqualTo(30);
        assertThat(slack.path("settings").path("url").asText()).isEqualTo("https://hooks.slack.com/***");
        HttpResponse<String> again = server.post("/api/v1/alert-channels", "{\"name\":\"team-slack\","
                + "\"type\":\"slack\",\"url\":\"https://hooks.slack.com/services/T0/B0/other\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(read(again.body()).path("code").asText()).isEqualTo("ALREADY_EXISTS");

        HttpResponse<String> badEvent = server.post("/api/v1/alert-rules", "{\"event\":\"JOB_EXPLODED\","
                + "\"channels\":[\"" + slack.path("id").asText() + "\"]}");
        assertThat(badEvent.statusCode()).isEqualTo(400);
        assertThat(read(badEvent.body()).path("details").path("field").asText()).isEqualTo("event");
        HttpResponse<String> noThreshold = server.post("/api/v1/alert-rules", "{\"event\":\"JOB_RESTARTING_TOO_OFTEN\","
                + "\"channels\":[\"" + slack.path("id").asText() + "\"]}");
        assertThat(read(noThreshold.body()).path("details").path("field").asText()).isEqualTo("threshold");
        HttpResponse<String> unknownChannel = server.post("/api/v1/alert-rules", "{\"event\":\"JOB_FAILED\","
                + "\"channels\":[\"no-such-channel\"]}");
        assertThat(read(unknownChannel.body()).path("details").path("field").asText()).isEqualTo("channels");
        HttpResponse<String> badMute = server.post("/api/v1/alert-rules", "{\"event\":\"JOB_FAILED\","
                + "\"channels\":[\"" + slack.path("id").asText() + "\"],\"mutes\":[{\"from\":\"25:00\",\"to\":\"03:00\"}]}");
        assertThat(read(badMute.body()).path("details").path("field").asText()).isEqualTo("mutes[0].from");

        JsonNode rule = created(server.post("/api/v1/alert-rules", "{\"event\":\"JOB_RESTARTING_TOO_OFTEN\","
                + "\"scope\":{\"cluster\":\"embedded\"},\"channels\":[\"" + slack.path("id").asText() + "\"],"
                + "\"threshold\":3,\"windowMinutes\":10,\"mutes\":[{\"from\":\"01:00\",\"to\":\"03:00\",\"timeZone\":"
                + "\"UTC\"},{\"until\":\"2030-01-01T00:00:00Z\"}]}"));
        assertThat(rule.path("scope")).isEqualTo(read("{\"kind\":\"cluster\",\"id\":\"embedded\"}"));
        assertThat(rule.path("severity").asText()).isEqualTo("WARNING");
        assertThat(rule.path("mutes")).isEqualTo(read("[{\"from\":\"01:00\",\"to\":\"03:00\",\"timeZone\":\"UTC\"},"
                + "{\"until\":\"2030-01-01T00:00:00Z\"}]"));
        assertThat(server.get("/api/v1/alert-rules/" + rule.path("id").asText()).statusCode()).isEqualTo(200);
        assertThat(server.send(HttpRequest.newBuilder(URI.create(server.managementUrl() + "/api/v1/alert-rules/"
                + rule.path("id").asText())).DELETE().build()).statusCode()).isEqualTo(204);

        JsonNode unreachable = created(server.post("/api/v1/alert-channels", JSON.writeValueAsString(Map.of(
                "name", "nobody-home", "type", "webhook", "url", "http://127.0.0.1:" + FreePorts.next() + "/x"))));
        HttpResponse<String> failedTest = server.post("/api/v1/alert-channels/" + unreachable.path("id").asText()
                + "/test", "");
        assertThat(failedTest.statusCode()).isEqualTo(502);
        assertThat(read(failedTest.body()).path("code").asText()).isEqualTo("EXTERNAL_UNAVAILABLE");
        assertThat(read(failedTest.body()).path("details").path("answer").asText()).startsWith("cannot reach 127.0.0.1");
        assertThat(server.get("/api/v1/alert-channels/no-such-channel").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/alerts?status=LOST").statusCode()).isEqualTo(400);
    }

    /** A streaming job that fails at runtime: CAST of a random three-letter string to INT, no restarts. */
    private static String promoteFailingJob() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", "casts-a-word-to-int");
        body.put("statement", "INSERT INTO sink SELECT CAST(s AS INT) FROM gen");
        body.putObject("options").put("parallelism.default", "1").put("restart-strategy.type", "none");
        body.putArray("dependencies")
                .add("CREATE TEMPORARY TABLE gen (s STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5',"
                        + " 'fields.s.length' = '3')")
                .add("CREATE TEMPORARY TABLE sink (i INT) WITH ('connector' = 'blackhole')");
        body.put("cluster", "embedded");
        HttpResponse<String> response = server.post("/api/v1/jobs", JSON.writeValueAsString(body));
        return created(response).path("id").asText();
    }

    private static String signature(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(UTF_8)));
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static <T> T await(Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + timeout);
    }
}
