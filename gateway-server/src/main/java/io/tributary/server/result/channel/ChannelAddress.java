package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/** Where a sink sends its rows: the server's listener and the channel's token. */
record ChannelAddress(String host, int port, ChannelToken token) implements Serializable {

    ChannelAddress {
        requireNonNull(host, "host is null");
        requireNonNull(token, "token is null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("option 'port' of a result channel must be 1-65535, was " + port);
        }
    }
}
