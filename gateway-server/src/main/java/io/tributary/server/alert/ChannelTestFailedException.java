package io.tributary.server.alert;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.channel.SendOutcome;

/** A test message the channel did not accept: the API answers 502 with what the channel said. */
public final class ChannelTestFailedException extends RuntimeException {

    private final SendOutcome outcome;

    ChannelTestFailedException(String channelName, SendOutcome outcome) {
        super("alert channel '" + channelName + "' did not accept the test message: " + outcome.describe());
        this.outcome = requireNonNull(outcome, "outcome is null");
    }

    public SendOutcome outcome() {
        return outcome;
    }
}
