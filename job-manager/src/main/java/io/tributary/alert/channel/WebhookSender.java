package io.tributary.alert.channel;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tributary.alert.Alert;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generic webhook: a JSON body ({@code id}, {@code kind}, {@code title}, {@code text}, {@code alerts}, ...), the
 * idempotency key in {@code X-Tributary-Idempotency-Key}, the time of sending in {@code X-Tributary-Timestamp}
 * (epoch seconds), and, when the channel has a secret, {@code X-Tributary-Signature: sha256=<hex HMAC-SHA256 of
 * the body with the secret>}.
 */
public final class WebhookSender extends HttpChannelSender {

    public static final String SIGNATURE_HEADER = "X-Tributary-Signature";
    public static final String TIMESTAMP_HEADER = "X-Tributary-Timestamp";
    public static final String IDEMPOTENCY_HEADER = "X-Tributary-Idempotency-Key";

    private static final MessageText TEXT = new MessageText(MessageText.Format.PLAIN, 300);

    public WebhookSender(HttpClient http, Duration timeout, Clock clock) {
        super(http, timeout, clock);
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public boolean fits(AlertChannel channel, OutgoingMessage message) {
        return body(message).getBytes(UTF_8).length <= type().maxMessageBytes();
    }

    @Override
    public SendOutcome send(AlertChannel channel, OutgoingMessage message) throws InterruptedException {
        String body = body(message);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_HEADER, message.key());
        headers.put(TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()));
        channel.setting("secret").ifPresent(secret -> headers.put(SIGNATURE_HEADER, signature(secret, body)));
        return post(URI.create(channel.requiredSetting("url")), headers, body);
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of the body, keyed with the secret. */
    public static String signature(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret.getBytes(UTF_8), body.getBytes(UTF_8)));
    }

    static String body(OutgoingMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.key());
        body.put("kind", message.kind().name().toLowerCase());
        body.put("part", message.part());
        body.put("parts", message.parts());
        body.put("severity", message.severity().name());
        body.put("title", MessageText.title(message));
        body.put("text", TEXT.body(message));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Alert alert : message.alerts()) {
            alerts.add(describe(alert));
        }
        body.put("alerts", alerts);
        return toJson(body);
    }

    /** One alert as the webhook's JSON shows it. */
    public static Map<String, Object> describe(Alert alert) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", alert.id());
        entry.put("event", alert.event().name());
        entry.put("severity", alert.severity().name());
        entry.put("headline", alert.headline());
        if (alert.jobId().isPresent()) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", alert.jobId().get());
            job.put("name", alert.jobName().orElse(null));
            entry.put("job", job);
        }
        if (alert.clusterId().isPresent()) {
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("id", alert.clusterId().get());
            cluster.put("name", alert.clusterName().orElse(null));
            entry.put("cluster", cluster);
        }
        alert.flinkJobId().ifPresent(id -> entry.put("flinkJobId", id));
        entry.put("reason", alert.reason());
        if (alert.count().isPresent()) {
            entry.put("count", alert.count().getAsInt());
        }
        entry.put("occurredAt", alert.occurredAt().toString());
        entry.put("links", alert.links());
        return entry;
    }
}
