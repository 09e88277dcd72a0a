package io.tributary.alert.channel;

/** A channel of that name exists already. */
public final class AlertChannelNameTakenException extends RuntimeException {

    public AlertChannelNameTakenException(String name, Throwable cause) {
        super("an alert channel named '" + name + "' already exists", cause);
    }
}
