package io.tributary.alert.channel;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Lark/Feishu custom bot: a text message. With a signing secret, the body carries {@code timestamp} (epoch
 * seconds) and {@code sign} = base64(HMAC-SHA256 keyed with {@code timestamp + "\n" + secret}, over no data), as
 * Lark documents. Lark answers HTTP 200 with {@code code} 0 when it accepted the message; 11232 (and 99991400) is
 * its rate limit; 19021 (signature), 19022 (IP), 19024 (keyword) are rejections that a retry cannot cure.
 */
public final class LarkSender extends HttpChannelSender {

    private static final MessageText TEXT = new MessageText(MessageText.Format.PLAIN, 160);
    private static final Set<Integer> THROTTLED = Set.of(11232, 99991400, 99991403);
    private static final Set<Integer> REJECTED = Set.of(9499, 19001, 19002, 19021, 19022, 19024, 19036);

    public LarkSender(HttpClient http, Duration timeout, Clock clock) {
        super(http, timeout, clock);
    }

    @Override
    public ChannelType type() {
        return ChannelType.LARK;
    }

    @Override
    public boolean fits(AlertChannel channel, OutgoingMessage message) {
        // Sized with a signature in, whether or not the channel has a secret: the limit is the whole body's.
        return body(message, "1700000000", "x".repeat(44)).getBytes(UTF_8).length <= type().maxMessageBytes();
    }

    @Override
    public SendOutcome send(AlertChannel channel, OutgoingMessage message) throws InterruptedException {
        String body = channel.setting("secret")
                .map(secret -> {
                    String timestamp = Long.toString(clock.instant().getEpochSecond());
                    return body(message, timestamp, sign(timestamp, secret));
                })
                .orElseGet(() -> body(message, null, null));
        return post(URI.create(channel.requiredSetting("url")), Map.of(), body);
    }

    /** base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = nothing)). */
    public static String sign(String timestamp, String secret) {
        byte[] key = (timestamp + "\n" + secret).getBytes(UTF_8);
        return Base64.getEncoder().encodeToString(hmacSha256(key, new byte[0]));
    }

    static String body(OutgoingMessage message, String timestamp, String sign) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (timestamp != null) {
            body.put("timestamp", timestamp);
            body.put("sign", sign);
        }
        body.put("msg_type", "text");
        body.put("content", Map.of("text", TEXT.body(message)));
        return toJson(body);
    }

    @Override
    protected SendOutcome interpret(HttpResponse<String> response) {
        JsonNode answer = json(response.body());
        if (answer == null || !(answer.has("code") || answer.has("StatusCode"))) {
            return super.interpret(response);
        }
        int code = answer.has("code") ? answer.path("code").asInt() : answer.path("StatusCode").asInt();
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
