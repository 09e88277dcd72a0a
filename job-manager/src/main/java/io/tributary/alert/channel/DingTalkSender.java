package io.tributary.alert.channel;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
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
 * A DingTalk custom robot: a markdown message. With a signing secret (加签), the URL gets {@code timestamp} (epoch
 * milliseconds) and {@code sign} = urlencode(base64(HMAC-SHA256 keyed with the secret, over {@code timestamp +
 * "\n" + secret})), as DingTalk documents. DingTalk answers HTTP 200 with {@code errcode} 0 when it accepted the
 * message; 130101 means "too fast" (20 a minute; more are throttled for 10 minutes); 310000 (signature, keyword or
 * IP check) and 300001 (token) are rejections.
 */
public final class DingTalkSender extends HttpChannelSender {

    private static final MessageText TEXT = new MessageText(MessageText.Format.MARKDOWN, 160);
    private static final Set<Integer> THROTTLED = Set.of(130101, 130102, 410100);
    private static final Set<Integer> REJECTED = Set.of(300001, 300005, 310000, 400013, 400101, 400102, 400105,
            460101);

    public DingTalkSender(HttpClient http, Duration timeout, Clock clock) {
        super(http, timeout, clock);
    }

    @Override
    public ChannelType type() {
        return ChannelType.DINGTALK;
    }

    @Override
    public boolean fits(AlertChannel channel, OutgoingMessage message) {
        return body(message).getBytes(UTF_8).length <= type().maxMessageBytes();
    }

    @Override
    public SendOutcome send(AlertChannel channel, OutgoingMessage message) throws InterruptedException {
        String url = channel.requiredSetting("url");
        if (channel.setting("secret").isPresent()) {
            String timestamp = Long.toString(clock.millis());
            url = url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + sign(timestamp, channel.setting("secret").get());
        }
        return post(URI.create(url), Map.of(), body(message));
    }

    /** urlencode(base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret))), UTF-8 throughout. */
    public static String sign(String timestamp, String secret) {
        byte[] mac = hmacSha256(secret.getBytes(UTF_8), (timestamp + "\n" + secret).getBytes(UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), UTF_8);
    }

    static String body(OutgoingMessage message) {
        Map<String, Object> markdown = new LinkedHashMap<>();
        markdown.put("title", MessageText.shorten(MessageText.title(message), 100));
        markdown.put("text", TEXT.body(message));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", markdown);
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
