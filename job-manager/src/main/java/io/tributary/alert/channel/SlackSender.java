package io.tributary.alert.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A Slack incoming webhook: {@code {"text": "<mrkdwn>"}}. Slack answers 200 {@code ok}; 429 with Retry-After when
 * posting too fast (about one message a second); 400/403/404/410 with a reason ({@code invalid_payload},
 * {@code no_service}, {@code channel_is_archived}, ...) that a retry cannot cure.
 */
public final class SlackSender extends HttpChannelSender {

    private static final MessageText TEXT = new MessageText(MessageText.Format.SLACK, 200);

    public SlackSender(HttpClient http, Duration timeout, Clock clock) {
        super(http, timeout, clock);
    }

    @Override
    public ChannelType type() {
        return ChannelType.SLACK;
    }

    @Override
    public boolean fits(AlertChannel channel, OutgoingMessage message) {
        return TEXT.body(message).length() <= type().maxMessageBytes();
    }

    @Override
    public SendOutcome send(AlertChannel channel, OutgoingMessage message) throws InterruptedException {
        return post(URI.create(channel.requiredSetting("url")), Map.of(), body(message));
    }

    static String body(OutgoingMessage message) {
        return toJson(Map.of("text", TEXT.body(message)));
    }
}
