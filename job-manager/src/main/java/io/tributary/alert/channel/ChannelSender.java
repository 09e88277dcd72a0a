package io.tributary.alert.channel;

/** Sends messages to channels of one type: renders the platform's payload, signs it, and reads its answer. */
public interface ChannelSender {

    ChannelType type();

    /** Whether the message fits the platform's size limit ({@link ChannelType#maxMessageBytes()}). */
    boolean fits(AlertChannel channel, OutgoingMessage message);

    /**
     * Makes one attempt. Never throws for what the channel answers or for an unreachable channel: that is the
     * outcome.
     *
     * @throws InterruptedException when the dispatching thread is stopped (nothing is recorded then)
     */
    SendOutcome send(AlertChannel channel, OutgoingMessage message) throws InterruptedException;
}
