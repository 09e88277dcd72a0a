package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.RowType;

/**
 * Writes a query's rows to its result channel through a buffer, so a large result costs a system call per 64 KB
 * rather than per row. Rows that trickle in (a streaming query) leave within {@value #FLUSH_INTERVAL_MILLIS} ms: a
 * flusher thread sends what the buffer holds. The end of the input is sent as an explicit mark, so that the server
 * can tell a complete result from a failed job. When the server reads slowly, the socket's backpressure holds the
 * task (and the job) back. A sink function rather than a sink writer: it chains to a legacy source too (datagen),
 * where a writer cannot.
 */
final class ResultChannelSinkFunction extends RichSinkFunction<RowData> {

    private static final long serialVersionUID = 1L;
    static final long FLUSH_INTERVAL_MILLIS = 20;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final ChannelAddress address;
    private final RowType rowType;
    private transient Object lock;
    private transient Socket socket;
    private transient DataOutputViewStreamWrapper out;
    private transient RowDataSerializer serializer;
    private transient Thread flusher;
    private transient boolean unflushed;
    private transient volatile boolean stopped;

    ResultChannelSinkFunction(ChannelAddress address, RowType rowType) {
        this.address = requireNonNull(address, "address is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
    }

    @Override
    public void open(OpenContext context) throws IOException {
        lock = new Object();
        serializer = new RowDataSerializer(rowType);
        socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_TIMEOUT_MILLIS);
            out = new DataOutputViewStreamWrapper(new BufferedOutputStream(socket.getOutputStream(),
                    ChannelProtocol.BUFFER_BYTES));
            out.writeInt(ChannelProtocol.MAGIC);
            out.writeLong(address.token().value().getMostSignificantBits());
            out.writeLong(address.token().value().getLeastSignificantBits());
            out.flush();
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw new IOException("cannot connect to the result channel at " + address.host() + ":"
                    + address.port() + ": " + e.getMessage(), e);
        }
        flusher = new Thread(this::flushPeriodically, "tributary-result-channel-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    @Override
    public void invoke(RowData row, Context context) throws IOException {
        synchronized (lock) {
            out.writeByte(ChannelProtocol.ROW);
            serializer.serialize(row, out);
            unflushed = true;
        }
    }

    @Override
    public void finish() throws IOException {
        synchronized (lock) {
            out.writeByte(ChannelProtocol.END);
            out.flush();
            unflushed = false;
        }
    }

    private void flushPeriodically() {
        while (!stopped) {
            try {
                TimeUnit.MILLISECONDS.sleep(FLUSH_INTERVAL_MILLIS);
                synchronized (lock) {
                    if (unflushed && !stopped) {
                        out.flush();
                        unflushed = false;
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // The server closed the channel (the query was closed or cancelled): the next row's write fails
                // the task the same way.
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        if (flusher != null) {
            flusher.interrupt();
        }
        if (socket != null) {
            socket.close();
        }
    }
}
