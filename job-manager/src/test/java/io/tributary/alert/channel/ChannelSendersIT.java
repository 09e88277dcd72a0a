package io.tributary.alert.channel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.alert.testing.FakeChannelServer;
import io.tributary.alert.testing.FakeChannelServer.Answer;
import io.tributary.alert.testing.SampleAlerts;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each HTTP channel against a real HTTP server on 127.0.0.1 playing the platform: the exact payload and signature
 * it sends (the signature recomputed here from the platform's documented recipe), and how it reads acceptance,
 * throttling (429 with Retry-After, and the platforms' own "too fast" codes), server errors, rejections and a
 * server that does not answer in time.
 */
class ChannelSendersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    private static final String SECRET = "SEC0123456789abcdef-test-secret";
    private static final String SINGLE_TEXT = """
            [CRITICAL] Job 'orders-1' failed
            Job: orders-1 (job-1)
            Cluster: embedded
            Flink job: 0123456789abcdef0123456789abcdef
            When: 2026-11-24T10:15:30Z
            Reason: java.lang.NumberFormatException: For input string: "abc"
            Tributary: http://127.0.0.1:8080/api/v1/jobs/job-1
            Flink web UI: http://127.0.0.1:8081/#/job/completed/0123456789abcdef0123456789abcdef/overview

            Tributary alert msg-1""";
    private static final String SINGLE_MARKDOWN = """
            ### [CRITICAL] Job 'orders-1' failed

            - **Job**: orders-1 (job-1)
            - **Cluster**: embedded
            - **Flink job**: 0123456789abcdef0123456789abcdef
            - **When**: 2026-11-24T10:15:30Z
            - **Reason**: java.lang.NumberFormatException: For input string: "abc"
            - [Tributary](http://127.0.0.1:8080/api/v1/jobs/job-1)
            - [Flink web UI](http://127.0.0.1:8081/#/job/completed/0123456789abcdef0123456789abcdef/overview)

            > Tributary alert msg-1""";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeChannelServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void webhookSendsTheAlertAsJsonSignedWithHmacSha256OfTheBody() throws Exception {
        server = FakeChannelServer.start(request -> Answer.status(204, ""));
        AlertChannel channel = SampleAlerts.channel(ChannelType.WEBHOOK, Map.of(),
                Map.of("url", server.url("/hooks/tributary").toString(), "secret", SECRET));

        SendOutcome outcome = new WebhookSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.single(1));

        assertThat(outcome.result()).isEqualTo(SendOutcome.Result.ACCEPTED);
        FakeChannelServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/hooks/tributary");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("X-Tributary-Idempotency-Key")).isEqualTo("msg-1");
        long timestamp = Long.parseLong(request.header("X-Tributary-Timestamp"));
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(request.header("X-Tributary-Signature"))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(hmac(SECRET.getBytes(UTF_8), request.body())));
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                {"id": "msg-1", "kind": "alert", "part": 1, "parts": 1, "severity": "CRITICAL",
                 "title": "[CRITICAL] Job 'orders-1' failed",
                 "text": %s,
                 "alerts": [{
                   "id": "alert-1", "event": "JOB_FAILED", "severity": "CRITICAL",
                   "headline": "job 'orders-1' failed",
                   "job": {"id": "job-1", "name": "orders-1"},
                   "cluster": {"id": "embedded", "name": "embedded"},
                   "flinkJobId": "0123456789abcdef0123456789abcdef",
                   "reason": "java.lang.NumberFormatException: For input string: \\"abc\\"",
                   "occurredAt": "2026-11-24T10:15:30Z",
                   "links": {"tributary": "http://127.0.0.1:8080/api/v1/jobs/job-1",
                             "flink": "http://127.0.0.1:8081/#/job/completed/0123456789abcdef0123456789abcdef/overview"}
                 }]}
                """.formatted(JSON.writeValueAsString(SINGLE_TEXT))));
    }

    @Test
    void webhookWithoutSecretSendsNoSignature() throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok("{}"));
        AlertChannel channel = SampleAlerts.channel(ChannelType.WEBHOOK, Map.of(),
                Map.of("url", server.url("/hook").toString()));
        assertThat(new WebhookSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.single(1))
                .accepted()).isTrue();
        assertThat(server.received().get(0).header("X-Tributary-Signature")).isNull();
    }

    @Test
    void larkSignsWithTimestampAndSecretAsTheKeyOverNothing() throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok("{\"code\":0,\"msg\":\"success\",\"data\":{}}"));
        AlertChannel channel = SampleAlerts.channel(ChannelType.LARK, Map.of(),
                Map.of("url", server.url("/open-apis/bot/v2/hook/abc-123").toString(), "secret", SECRET));

        SendOutcome outcome = new LarkSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.single(1));

        assertThat(outcome.result()).isEqualTo(SendOutcome.Result.ACCEPTED);
        FakeChannelServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/open-apis/bot/v2/hook/abc-123");
        var body = JSON.readTree(request.body());
        String timestamp = body.path("timestamp").asText();
        assertThat(Long.parseLong(timestamp)).as("seconds, within an hour of now")
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        String expectedSign = Base64.getEncoder().encodeToString(hmac((timestamp + "\n" + SECRET).getBytes(UTF_8), ""));
        assertThat(body).isEqualTo(JSON.readTree("""
                {"timestamp": "%s", "sign": "%s", "msg_type": "text", "content": {"text": %s}}
                """.formatted(timestamp, expectedSign, JSON.writeValueAsString(SINGLE_TEXT))));
        assertThat(request.body()).startsWith("{\"timestamp\":");
    }

    @Test
    void dingTalkSignsTheUrlWithMillisecondsAndAnUrlEncodedBase64Hmac() throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        AlertChannel channel = SampleAlerts.channel(ChannelType.DINGTALK, Map.of(),
                Map.of("url", server.url("/robot/send?access_token=tok123").toString(), "secret", SECRET));

        SendOutcome outcome = new DingTalkSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.single(1));

        assertThat(outcome.result()).isEqualTo(SendOutcome.Result.ACCEPTED);
        FakeChannelServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/robot/send");
        Map<String, String> query = query(request.query());
        assertThat(query).containsEntry("access_token", "tok123");
        String timestamp = query.get("timestamp");
        assertThat(Long.parseLong(timestamp)).as("milliseconds, within an hour of now")
                .isCloseTo(Instant.now().toEpochMilli(), org.assertj.core.data.Offset.offset(60_000L));
        String expectedSign = Base64.getEncoder().encodeToString(hmac(SECRET.getBytes(UTF_8), timestamp + "\n" + SECRET));
        assertThat(request.query()).as("sign is URL-encoded in the query")
                .contains("sign=" + java.net.URLEncoder.encode(expectedSign, UTF_8));
        assertThat(query.get("sign")).isEqualTo(expectedSign);
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                {"msgtype": "markdown", "markdown": {"title": "[CRITICAL] Job 'orders-1' failed", "text": %s}}
                """.formatted(JSON.writeValueAsString(SINGLE_MARKDOWN))));
    }

    @Test
    void weComSendsMarkdownToTheWebhookWithItsKey() throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        AlertChannel channel = SampleAlerts.channel(ChannelType.WECOM, Map.of(),
                Map.of("url", server.url("/cgi-bin/webhook/send?key=693a91f6").toString()));

        SendOutcome outcome = new WeComSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.single(1));

        assertThat(outcome.result()).isEqualTo(SendOutcome.Result.ACCEPTED);
        FakeChannelServer.Received request = server.received().get(0);
        assertThat(request.path()).isEqualTo("/cgi-bin/webhook/send");
        assertThat(request.query()).isEqualTo("key=693a91f6");
        assertThat(request.body()).isEqualTo("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":"
                + JSON.writeValueAsString(SINGLE_MARKDOWN) + "}}");
    }

    @Test
    void slackSendsMrkdwnText() throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok("ok"));
        AlertChannel channel = SampleAlerts.channel(ChannelType.SLACK, Map.of(),
                Map.of("url", server.url("/services/T000/B000/XXXX").toString()));

        SendOutcome outcome = new SlackSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.single(1));

        assertThat(outcome.result()).isEqualTo(SendOutcome.Result.ACCEPTED);
        assertThat(server.received().get(0).body()).isEqualTo("{\"text\":" + JSON.writeValueAsString("""
                *[CRITICAL] Job 'orders-1' failed*
                • *Job*: orders-1 (job-1)
                • *Cluster*: embedded
                • *Flink job*: 0123456789abcdef0123456789abcdef
                • *When*: 2026-11-24T10:15:30Z
                • *Reason*: java.lang.NumberFormatException: For input string: "abc"
                • <http://127.0.0.1:8080/api/v1/jobs/job-1|Tributary>
                • <http://127.0.0.1:8081/#/job/completed/0123456789abcdef0123456789abcdef/overview|Flink web UI>
                _Tributary alert msg-1_""") + "}");
    }

    @Test
    void aDigestListsEveryJob() throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok("ok"));
        AlertChannel channel = SampleAlerts.channel(ChannelType.SLACK, Map.of(),
                Map.of("url", server.url("/services/T000/B000/XXXX").toString()));
        new SlackSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.digest("digest-1", 120));
        String text = JSON.readTree(server.received().get(0).body()).path("text").asText();
        assertThat(text).startsWith("*[CRITICAL] 120 alerts: 120 job failed*\n");
        for (int i = 1; i <= 120; i++) {
            assertThat(text).contains("<http://127.0.0.1:8080/api/v1/jobs/job-" + i + "|job 'orders-" + i + "' failed>");
        }
        assertThat(text).endsWith("_Tributary digest digest-1_");
    }

    @ParameterizedTest
    @EnumSource(value = ChannelType.class, names = "EMAIL", mode = EnumSource.Mode.EXCLUDE)
    void throttlingServerErrorsAndAHangAreRetryableWithRetryAfterRead(ChannelType type) throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok(acceptance(type)));
        server.then(Answer.throttle(7, "{\"code\":99991400,\"msg\":\"too many requests\"}"),
                Answer.status(503, "upstream unavailable"),
                Answer.hang(Duration.ofSeconds(5), acceptance(type)),
                Answer.status(502, "<html>bad gateway</html>"));
        ChannelSender sender = ChannelSenders.standard(http, TIMEOUT, Clock.systemUTC()).forType(type);
        AlertChannel channel = SampleAlerts.channel(type, Map.of(), Map.of("url", server.url("/x?key=1").toString()));

        SendOutcome throttled = sender.send(channel, SampleAlerts.single(1));
        assertThat(throttled.result()).isEqualTo(SendOutcome.Result.THROTTLED);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
        SendOutcome unavailable = sender.send(channel, SampleAlerts.single(1));
        assertThat(unavailable.result()).isEqualTo(SendOutcome.Result.RETRYABLE);
        assertThat(unavailable.describe()).isEqualTo("HTTP 503: upstream unavailable");
        long start = System.nanoTime();
        SendOutcome hung = sender.send(channel, SampleAlerts.single(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(hung.result()).isEqualTo(SendOutcome.Result.RETRYABLE);
        assertThat(hung.answer()).isEqualTo("no answer from 127.0.0.1 within 700 ms");
        assertThat(sender.send(channel, SampleAlerts.single(1)).result()).isEqualTo(SendOutcome.Result.RETRYABLE);
        assertThat(sender.send(channel, SampleAlerts.single(1)).result()).isEqualTo(SendOutcome.Result.ACCEPTED);
        assertThat(server.received()).hasSize(5);
    }

    @Test
    void thePlatformsOwnCodesForTooFastAndForAWrongSignatureAreRead() throws Exception {
        server = FakeChannelServer.start(request -> Answer.ok("{}"));
        ChannelSenders senders = ChannelSenders.standard(http, TIMEOUT, Clock.systemUTC());
        record Case(ChannelType type, String body, SendOutcome.Result result) {}
        for (Case c : new Case[] {
                new Case(ChannelType.DINGTALK, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}",
                        SendOutcome.Result.THROTTLED),
                new Case(ChannelType.DINGTALK, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}",
                        SendOutcome.Result.REJECTED),
                new Case(ChannelType.LARK, "{\"code\":11232,\"msg\":\"frequency limited\"}",
                        SendOutcome.Result.THROTTLED),
                new Case(ChannelType.LARK, "{\"code\":19021,\"msg\":\"sign match fail\"}",
                        SendOutcome.Result.REJECTED),
                new Case(ChannelType.WECOM, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}",
                        SendOutcome.Result.THROTTLED),
                new Case(ChannelType.WECOM, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}",
                        SendOutcome.Result.REJECTED)}) {
            server.then(Answer.ok(c.body()));
            AlertChannel channel = SampleAlerts.channel(c.type(), Map.of(), Map.of("url", server.url("/x").toString()));
            SendOutcome outcome = senders.forType(c.type()).send(channel, SampleAlerts.single(1));
            assertThat(outcome.result()).as(c.type() + " " + c.body()).isEqualTo(c.result());
            assertThat(outcome.answer()).isEqualTo(c.body());
        }
        server.then(Answer.status(404, "no_service"));
        AlertChannel slack = SampleAlerts.channel(ChannelType.SLACK, Map.of(), Map.of("url", server.url("/s").toString()));
        assertThat(senders.forType(ChannelType.SLACK).send(slack, SampleAlerts.single(1)).result())
                .isEqualTo(SendOutcome.Result.REJECTED);
    }

    @Test
    void anUnreachableChannelIsRetryableAndItsTokenIsNotInTheError() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        AlertChannel channel = SampleAlerts.channel(ChannelType.DINGTALK, Map.of(),
                Map.of("url", "http://127.0.0.1:" + port + "/robot/send?access_token=very-secret-token"));
        SendOutcome outcome = new DingTalkSender(http, TIMEOUT, Clock.systemUTC()).send(channel, SampleAlerts.single(1));
        assertThat(outcome.result()).isEqualTo(SendOutcome.Result.RETRYABLE);
        assertThat(outcome.answer()).startsWith("cannot reach 127.0.0.1:" + port).doesNotContain("very-secret-token");
    }

    private static String acceptance(ChannelType type) {
        return switch (type) {
            case LARK -> "{\"code\":0,\"msg\":\"success\"}";
            case DINGTALK, WECOM -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
            case SLACK -> "ok";
            default -> "{}";
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), UTF_8));
        }
        return values;
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(UTF_8));
    }
}
