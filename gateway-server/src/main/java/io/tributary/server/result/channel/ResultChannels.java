package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's listener for result channels, on the embedded cluster's address and a port of the system's choosing.
 * A query opens a channel ({@link #open()}), which names a random token; the query's sink connects and sends the
 * token, and the connection is handed to the channel. A connection with an unknown token, a wrong opening or no
 * opening within {@value #HANDSHAKE_TIMEOUT_MILLIS} ms is closed. Openings are read on threads of their own, so that
 * a connection that says nothing holds up no other.
 */
public final class ResultChannels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultChannels.class);
    static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final ServerSocket listener;
    private final String host;
    private final ConcurrentMap<UUID, CompletableFuture<Socket>> waiting = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final ExecutorService handshakes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tributary-result-channel-handshake");
        thread.setDaemon(true);
        return thread;
    });

    public ResultChannels(InetAddress bindAddress) throws IOException {
        requireNonNull(bindAddress, "bindAddress is null");
        this.listener = new ServerSocket(0, 50, bindAddress);
        this.host = bindAddress.getHostAddress();
        this.acceptor = new Thread(this::acceptConnections, "tributary-result-channels");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("Result channels listening on {}:{}", host, listener.getLocalPort());
    }

    /** A new channel, waiting for its sink to connect. */
    public ResultChannel open() {
        ChannelToken token = ChannelToken.random();
        CompletableFuture<Socket> connection = new CompletableFuture<>();
        waiting.put(token.value(), connection);
        return new ResultChannel(new ChannelAddress(host, listener.getLocalPort(), token), connection,
                () -> waiting.remove(token.value()));
    }

    /** Channels opened and not yet connected or released. */
    int waitingChannels() {
        return waiting.size();
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("Result channel listener failed to accept a connection: {}", e.toString());
                }
                continue;
            }
            try {
                handshakes.execute(() -> {
                    try {
                        handOver(socket);
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Refused a result channel connection from {}: {}", socket.getRemoteSocketAddress(),
                                e.toString());
                        closeQuietly(socket);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                closeQuietly(socket);
            }
        }
    }

    private void handOver(Socket socket) throws IOException {
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int magic = in.readInt();
        if (magic != ChannelProtocol.MAGIC) {
            throw new IOException("not a result channel (opening 0x" + Integer.toHexString(magic) + ")");
        }
        UUID token = new UUID(in.readLong(), in.readLong());
        CompletableFuture<Socket> connection = waiting.remove(token);
        if (connection == null) {
            throw new IOException("no open result channel has that token");
        }
        socket.setSoTimeout(0);
        if (!connection.complete(socket)) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("Result channel listener did not close cleanly: {}", e.toString());
        }
        handshakes.shutdownNow();
        waiting.values().forEach(connection -> connection.completeExceptionally(
                new SocketException("the server is stopping")));
        waiting.clear();
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Result channel socket did not close cleanly: {}", e.toString());
        }
    }
}
