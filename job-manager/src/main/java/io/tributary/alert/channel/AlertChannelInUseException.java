package io.tributary.alert.channel;

import java.util.List;

/** A channel that rules still send to cannot be removed. */
public final class AlertChannelInUseException extends RuntimeException {

    public AlertChannelInUseException(String name, List<String> ruleIds) {
        super("alert channel '" + name + "' is used by rules " + ruleIds + "; delete them first");
    }
}
