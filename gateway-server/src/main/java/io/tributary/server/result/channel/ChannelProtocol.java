package io.tributary.server.result.channel;

/**
 * What a query's sink and the server say to each other on a result channel (a TCP connection from the sink's task
 * to the server's {@link ResultChannels} listener): the sink opens with {@link #MAGIC} and the channel's token (two
 * longs), then sends each row as {@link #ROW} followed by the row in Flink's binary row format (its
 * {@code RowDataSerializer}), and {@link #END} once its input has ended. A connection that closes without
 * {@link #END} means the query's job failed or was cancelled.
 */
final class ChannelProtocol {

    static final int MAGIC = 0x54524331; // "TRC1"
    static final byte ROW = 1;
    static final byte END = 0;
    static final int BUFFER_BYTES = 64 * 1024;

    private ChannelProtocol() {
    }
}
