package io.tributary.server.result;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionHandle;

/**
 * Streams an operation's results from a token on, page after page as Flink's gateway service hands them out, into
 * a {@link RowFrameWriter}, until the end of the results, a failure (written as an error frame), or the client going
 * away (a write fails). Each page is flushed as soon as it is written. The client's reading speed holds the loop
 * back (TCP flow control), so neither side buffers the whole result. When Flink has no new rows yet the loop asks
 * again after a pause that starts at {@value #FIRST_PAUSE_MICROS} µs and doubles up to {@value #MAX_PAUSE_MILLIS}
 * ms, and after a page of fewer than {@value #SMALL_PAGE_ROWS} rows it lets rows gather for {@value
 * #SMALL_PAGE_PAUSE_MILLIS} ms (spinning on tiny pages would take the CPU from the job producing them); a
 * keep-alive frame goes out after {@value #KEEP_ALIVE_SECONDS} s without rows, so that a client that left is
 * noticed.
 */
final class ResultStreamer {

    static final long FIRST_PAUSE_MICROS = 50;
    static final long MAX_PAUSE_MILLIS = 10;
    static final long KEEP_ALIVE_SECONDS = 5;
    static final int SMALL_PAGE_ROWS = 4000;
    static final long SMALL_PAGE_PAUSE_MILLIS = 5;

    private final SqlGatewayService service;

    ResultStreamer(SqlGatewayService service) {
        this.service = requireNonNull(service, "service is null");
    }

    /** Streams until the end; an IOException means the client went away. */
    void stream(SessionHandle session, OperationHandle operation, long firstToken, RowFrameWriter writer)
            throws IOException {
        long token = firstToken;
        RowFrameWriter.ValueWriter[] columns = null;
        long pauseNanos = 0;
        long lastWrite = System.nanoTime();
        while (true) {
            ResultSet page;
            try {
                page = service.fetchResults(session, operation, token, Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                writer.error(failureText(e));
                writer.flush();
                return;
            }
            if (page.getResultType() != ResultSet.ResultType.NOT_READY && columns == null) {
                columns = writer.columns(page.getResultSchema());
            }
            if (page.getResultType() == ResultSet.ResultType.EOS) {
                writer.end();
                writer.flush();
                return;
            }
            Long next = page.getNextToken();
            boolean hasRows = page.getResultType() == ResultSet.ResultType.PAYLOAD && !page.getData().isEmpty();
            if (hasRows) {
                writer.rows(page.getData(), next == null ? token : next, columns);
                writer.flush();
                lastWrite = System.nanoTime();
                pauseNanos = 0;
                if (page.getData().size() < SMALL_PAGE_ROWS && next != null) {
                    // Rows trickle in: let them gather for a moment rather than spin on tiny pages, which would take
                    // the CPU from the job producing them.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SMALL_PAGE_PAUSE_MILLIS));
                }
            } else {
                if (System.nanoTime() - lastWrite > TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS)) {
                    writer.keepAlive();
                    writer.flush();
                    lastWrite = System.nanoTime();
                }
                pauseNanos = pauseNanos == 0 ? TimeUnit.MICROSECONDS.toNanos(FIRST_PAUSE_MICROS)
                        : Math.min(pauseNanos * 2, TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MILLIS));
                LockSupport.parkNanos(pauseNanos);
                if (Thread.interrupted()) {
                    throw new IOException("interrupted while streaming operation " + operation);
                }
            }
            if (next == null) {
                writer.end();
                writer.flush();
                return;
            }
            token = next;
        }
    }

    /**
     * The failure as Flink's REST protocol reports one, each cause on a line of its own ("Caused by: type:
     * message"), so that clients read both the same way.
     */
    static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.isEmpty() ? "" : "\n").append("Caused by: ").append(t.getClass().getName())
                    .append(": ").append(t.getMessage() == null ? "" : t.getMessage());
        }
        return text.toString();
    }
}
