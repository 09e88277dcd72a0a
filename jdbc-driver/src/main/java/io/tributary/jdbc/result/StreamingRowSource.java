package io.tributary.jdbc.result;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.client.GatewayClient;
import io.tributary.jdbc.client.ResultPage;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rows of a running operation, page by page: while the application reads one page, the next is already being
 * fetched (one page ahead, so memory stays bounded by two pages). When the server has nothing new yet it is asked
 * again after a short wait that doubles up to {@value #MAX_WAIT_MILLIS} ms and starts over once rows arrive. The
 * result ends at the server's end of stream, at {@code maxRows}, or when the query timeout passes (then the job
 * is cancelled and a warning says so).
 */
public final class StreamingRowSource extends OperationRowSource {

    static final long MAX_WAIT_MILLIS = 64;

    private final List<Column> columns;
    private final boolean rowKinds;
    private final long maxRows;
    private final long deadlineNanos;
    private Iterator<Object[]> rows;
    private Iterator<String> kinds;
    private volatile CompletableFuture<ResultPage> pending;
    private boolean endOfStream;
    private long returned;
    private long waitMillis;
    private boolean closed;

    /**
     * @param first the operation's first page that is not NOT_READY
     * @param maxRows rows at most (0: all)
     * @param deadlineNanos {@link System#nanoTime()} at which the query timeout passes (0: none)
     */
    public StreamingRowSource(GatewayClient client, String operation, List<Column> columns, ResultPage first,
            boolean rowKinds, long maxRows, long deadlineNanos) {
        super(client, operation);
        this.columns = List.copyOf(columns);
        this.rowKinds = rowKinds;
        this.maxRows = maxRows;
        this.deadlineNanos = deadlineNanos;
        accept(first);
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
            Iterator<Object[]> pageRows = rows;
            Iterator<String> pageKinds = kinds;
            if (pageRows != null && pageRows.hasNext()) {
                returned++;
                Object[] values = pageRows.next();
                String kind = pageKinds.next();
                return rowKinds ? withKind(kind, values) : values;
            }
            if (cancelled()) {
                throw cancelledFailure();
            }
            if (endOfStream || closed) {
                close();
                return null;
            }
            ResultPage page = awaitNextPage();
            if (page == null) {
                return null;
            }
            accept(page);
        }
    }

    private ResultPage awaitNextPage() throws SQLException {
        CompletableFuture<ResultPage> next = pending;
        try {
            if (deadlineNanos == 0) {
                return next.get();
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException();
            }
            return next.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            timedOut();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw Errors.of(ErrorCode.CANCELLED, "interrupted while reading operation " + operation, e);
        } catch (CancellationException e) {
            throw cancelledFailure();
        } catch (ExecutionException e) {
            if (cancelled()) {
                throw cancelledFailure();
            }
            Throwable cause = e.getCause();
            if (cause instanceof SQLException
                    && ((SQLException) cause).getErrorCode() == ErrorCode.TIMEOUT.vendorCode()) {
                // The server's executionTimeout passed: the same clean end as the driver's own deadline.
                timedOut();
                return null;
            }
            closeQuietly();
            throw cause instanceof SQLException ? (SQLException) cause
                    : Errors.of(ErrorCode.CONNECTION_LOST, "reading operation " + operation + " failed: " + cause,
                            cause);
        }
    }

    private void accept(ResultPage page) {
        boolean hasRows = !page.rows().isEmpty();
        rows = page.rows().iterator();
        kinds = page.rowKinds().iterator();
        if (page.type() == ResultPage.Type.EOS || page.nextUri() == null) {
            endOfStream = true;
            pending = null;
            return;
        }
        waitMillis = hasRows ? 0 : waitMillis == 0 ? 1 : Math.min(waitMillis * 2, MAX_WAIT_MILLIS);
        String next = page.nextUri();
        pending = waitMillis == 0 ? client.fetchAsync(next, operation)
                : CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(waitMillis, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> client.fetchAsync(next, operation));
    }

    private Object[] withKind(String kind, Object[] values) {
        Object[] row = new Object[values.length + 1];
        row[0] = shortKind(kind);
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    static String shortKind(String kind) {
        switch (kind) {
            case "UPDATE_BEFORE":
                return "-U";
            case "UPDATE_AFTER":
                return "+U";
            case "DELETE":
                return "-D";
            default:
                return "+I";
        }
    }

    /** A page still on its way fails as cancelled, so the reading thread stops waiting for it. */
    @Override
    void onCancel() {
        CompletableFuture<ResultPage> next = pending;
        if (next != null) {
            next.completeExceptionally(cancelledFailure());
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        rows = null;
        CompletableFuture<ResultPage> next = pending;
        pending = null;
        if (next != null) {
            next.cancel(true);
        }
        client.closeOperation(operation);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (SQLException ignored) {
            // The failure being reported matters more than the one closing it.
        }
    }
}
