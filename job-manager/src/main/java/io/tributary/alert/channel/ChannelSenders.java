package io.tributary.alert.channel;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The sender of every channel type. */
public final class ChannelSenders {

    private final Map<ChannelType, ChannelSender> senders = new EnumMap<>(ChannelType.class);

    public ChannelSenders(List<ChannelSender> senders) {
        for (ChannelSender sender : senders) {
            this.senders.put(sender.type(), sender);
        }
        for (ChannelType type : ChannelType.values()) {
            if (!this.senders.containsKey(type)) {
                throw new IllegalArgumentException("no sender for channel type " + type.label());
            }
        }
    }

    /** The six senders, over one HTTP client; {@code timeout} bounds every request and SMTP operation. */
    public static ChannelSenders standard(HttpClient http, Duration timeout, Clock clock) {
        requireNonNull(http, "http is null");
        return new ChannelSenders(List.of(
                new WebhookSender(http, timeout, clock),
                new EmailSender(timeout, clock),
                new LarkSender(http, timeout, clock),
                new DingTalkSender(http, timeout, clock),
                new WeComSender(http, timeout, clock),
                new SlackSender(http, timeout, clock)));
    }

    public ChannelSender forType(ChannelType type) {
        return senders.get(requireNonNull(type, "type is null"));
    }
}
