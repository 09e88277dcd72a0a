package io.tributary.alert.channel;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A WeCom (企业微信) group robot: a markdown message to the webhook URL with its {@code key}. Its markdown content
 * may be at most 4096 bytes, so a digest is split into parts that each fit. WeCom answers {@code errcode} 0 when it
 * accepted the message; 45009 is its rate limit (20 a minute); 93000 (invalid webhook), 40008, 40058 and 44004 (a
 * malformed message) are rejections.
 */
public final class WeComSender extends HttpChannelSender {

    private static final MessageText TEXT = new MessageText(MessageText.Format.MARKDOWN, 60);
    private static final Set<Integer> THROTTLED = Set.of(45009, 45033);
    private static final Set<Integer> REJECTED = Set.of(93000, 93004, 40008, 40058, 44004, 40001);

    public WeComSender(HttpClient http, Duration timeout, Clock clock) {
        super(http, timeout, clock);
    }

    @Override
    public ChannelType type() {
        return ChannelType.WECOM;
    }

    @Override
    public boolean fits(AlertChannel channel, OutgoingMessage message) {
        return TEXT.body(message).getBytes(UTF_8).length <= type().maxMessageBytes();
    }

    @Override
    public SendOutcome send(AlertChannel channel, OutgoingMessage message) throws InterruptedException {
        return post(URI.create(channel.requiredSetting("url")), Map.of(), body(message));
    }

    static String body(OutgoingMessage message) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("content", TEXT.body(message)));
        return toJson(body);
    }

    @Override
    protected SendOutcome interpret(HttpResponse<String> response) {
        JsonNode answer = json(response.body());
        if (answer == null || !answer.has("errcode")) {
            return super.interpret(response);
        }
        int code = answer.path("errcode").asInt();
        String said = response.body().strip();
        if (code == 0 && response.statusCode() / 100 == 2) {
            return SendOutcome.accepted(response.statusCode(), said);
        }
        if (THROTTLED.contains(code) || response.statusCode() == 429) {
            return SendOutcome.throttled(response.statusCode(), said, retryAfter(response));
        }
        if (REJECTED.contains(code)) {
            return SendOutcome.rejected(OptionalInt.of(response.statusCode()), said);
        }
        return SendOutcome.retryable(OptionalInt.of(response.statusCode()), said);
    }
}
