package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.table.api.TableDescriptor;

/**
 * One open result channel: its address (what the sink's table options name) and the connection its sink makes.
 * Releasing it forgets the token and closes the connection, if one came.
 */
public final class ResultChannel implements AutoCloseable {

    private final ChannelAddress address;
    private final CompletableFuture<Socket> connection;
    private final Runnable forget;

    ResultChannel(ChannelAddress address, CompletableFuture<Socket> connection, Runnable forget) {
        this.address = requireNonNull(address, "address is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.forget = requireNonNull(forget, "forget is null");
    }

    /** The table a query is inserted into to send its rows here (its schema derives from the query). */
    public TableDescriptor sinkTable() {
        return TableDescriptor.forConnector(ResultChannelSinkFactory.IDENTIFIER)
                .option(ResultChannelSinkFactory.HOST, address.host())
                .option(ResultChannelSinkFactory.PORT, address.port())
                .option(ResultChannelSinkFactory.TOKEN, address.token().toString())
                .build();
    }

    ChannelAddress address() {
        return address;
    }

    /** The sink's connection, once it came; null if none came within the wait. */
    Socket awaitConnection(long waitMillis) throws InterruptedException, ExecutionException {
        try {
            return connection.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    @Override
    public void close() {
        forget.run();
        if (!connection.cancel(false) && !connection.isCompletedExceptionally()) {
            ResultChannels.closeQuietly(connection.join());
        }
    }
}
