package io.tributary.jdbc.result;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.client.GatewayClient;
import io.tributary.jdbc.client.ResultPage;
import io.tributary.jdbc.client.RowStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The rows of a running operation from Tributary's result stream: the first page (read through the REST protocol)
 * first, then the pages of the stream, which a background thread reads and decodes ahead of the application into
 * a queue of at most {@value #QUEUE_PAGES} pages (so memory stays bounded whatever the result's size, and the
 * server waits while the queue is full). The result ends at the stream's end, at {@code maxRows}, or when the query
 * timeout passes (then the job is cancelled and a warning says so).
 */
public final class PrefetchingRowSource extends OperationRowSource {

    static final int QUEUE_PAGES = 4;

    /** What the reader thread hands over: a page, the end, or a failure. */
    private static final class Item {
        private final RowStream.Batch batch;
        private final SQLException failure;

        Item(RowStream.Batch batch, SQLException failure) {
            this.batch = batch;
            this.failure = failure;
        }
    }

    private static final Item END = new Item(null, null);

    private final List<Column> columns;
    private final boolean rowKinds;
    private final long maxRows;
    private final long deadlineNanos;
    private final RowStream stream;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_PAGES);
    private final Thread reader;
    private Iterator<Object[]> rows;
    private Iterator<String> kinds;
    private boolean endOfStream;
    private long returned;
    private volatile boolean closed;

    /**
     * @param first the operation's first page (REST), whose rows come first
     * @param stream the operation's results after the first page
     * @param maxRows rows at most (0: all)
     * @param deadlineNanos {@link System#nanoTime()} at which the query timeout passes (0: none)
     */
    public PrefetchingRowSource(GatewayClient client, String operation, List<Column> columns, ResultPage first,
            RowStream stream, boolean rowKinds, long maxRows, long deadlineNanos) {
        super(client, operation);
        this.columns = List.copyOf(columns);
        this.stream = requireNonNull(stream, "stream is null");
        this.rowKinds = rowKinds;
        this.maxRows = maxRows;
        this.deadlineNanos = deadlineNanos;
        this.rows = first.rows().iterator();
        List<String> firstKinds = new ArrayList<>(first.rowKinds().size());
        for (String kind : first.rowKinds()) {
            firstKinds.add(StreamingRowSource.shortKind(kind));
        }
        this.kinds = firstKinds.iterator();
        this.reader = new Thread(this::read, "tributary-jdbc-rows-" + operation);
        reader.setDaemon(true);
        reader.start();
    }

    /** The reader thread: pages into the queue until the end, a failure, or close. */
    private void read() {
        try {
            while (!closed) {
                RowStream.Batch batch = stream.next();
                if (batch == null) {
                    queue.put(END);
                    return;
                }
                queue.put(new Item(batch, null));
            }
        } catch (SQLException e) {
            if (!closed) {
                try {
                    queue.put(new Item(null, e));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] next() throws SQLException {
        if (cancelled()) {
            throw cancelledFailure();
        }
        if (closed) {
            return null;
        }
        while (true) {
            if (maxRows > 0 && returned >= maxRows) {
                close();
                return null;
            }
            if (rows.hasNext()) {
                returned++;
                Object[] values = rows.next();
                String kind = kinds.next();
                return rowKinds ? withKind(kind, values) : values;
            }
            if (endOfStream) {
                close();
                return null;
            }
            Item item = awaitNextPage();
            if (item == null) {
                return null;
            }
            if (item == END) {
                endOfStream = true;
            } else if (item.failure != null) {
                return failed(item.failure);
            } else {
                rows = item.batch.rows().iterator();
                kinds = item.batch.kinds().iterator();
            }
        }
    }

    private Item awaitNextPage() throws SQLException {
        try {
            Item item;
            if (deadlineNanos == 0) {
                item = queue.take();
            } else {
                long remaining = deadlineNanos - System.nanoTime();
                item = remaining <= 0 ? null : queue.poll(remaining, TimeUnit.NANOSECONDS);
                if (item == null) {
                    timedOut();
                    return null;
                }
            }
            if (cancelled()) {
                throw cancelledFailure();
            }
            if (closed) {
                return null;
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw Errors.of(ErrorCode.CANCELLED, "interrupted while reading operation " + operation, e);
        }
    }

    /** A failure of the stream: a cancel, the server's timeout (a clean end with a warning), or an error. */
    private Object[] failed(SQLException failure) throws SQLException {
        if (cancelled()) {
            throw cancelledFailure();
        }
        if (failure.getErrorCode() == ErrorCode.TIMEOUT.vendorCode()) {
            timedOut();
            return null;
        }
        try {
            close();
        } catch (SQLException closing) {
            failure.addSuppressed(closing);
        }
        throw failure;
    }

    private Object[] withKind(String kind, Object[] values) {
        Object[] row = new Object[values.length + 1];
        row[0] = kind;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        stream.close();
        reader.interrupt();
        queue.clear();
        queue.offer(END);
        client.closeOperation(operation);
    }
}
