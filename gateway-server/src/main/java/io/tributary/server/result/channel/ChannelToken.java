package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.UUID;

/** The random token that ties a sink's connection to the query that opened the channel. */
record ChannelToken(UUID value) implements Serializable {

    ChannelToken {
        requireNonNull(value, "value is null");
    }

    static ChannelToken random() {
        return new ChannelToken(UUID.randomUUID());
    }

    static ChannelToken parse(String text) {
        try {
            return new ChannelToken(UUID.fromString(requireNonNull(text, "text is null")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option 'token' of a result channel must be a UUID, was '" + text
                    + "'", e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
