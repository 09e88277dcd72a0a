package io.tributary.jdbc.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.client.GatewayClient;
import io.tributary.jdbc.client.ResultPage;
import io.tributary.jdbc.result.ServerRowSource;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One statement on the server, from submission to its first answer that is not NOT_READY: it waits as long as
 * the server plans and starts the statement (asking again after a wait that doubles from 1 ms to 64 ms), and
 * ends with 57014 when it is cancelled or its query timeout passes (in both cases after cancelling it on the
 * server, which stops its Flink job). A Tributary server keeps the timeout itself (the statement's
 * executionTimeout); the driver keeps it too, as a backstop, and is the only one to keep it on other servers
 * (Flink 1.20's own gateway refuses an executionTimeout): at the deadline it cancels the operation on the server.
 */
final class Execution {

    private static final long MAX_WAIT_MILLIS = 64;
    static final long SERVER_TIMEOUT_GRACE_SECONDS = 2;

    private final GatewayClient client;
    private final String operation;
    private final long deadlineNanos;
    private final CountDownLatch cancelSignal = new CountDownLatch(1);
    private volatile ServerRowSource rows;
    private volatile boolean cancelled;

    private Execution(GatewayClient client, String operation, long deadlineNanos) {
        this.client = requireNonNull(client, "client is null");
        this.operation = requireNonNull(operation, "operation is null");
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Submits a statement. With a query timeout and a server that keeps it (a Tributary server: {@code
     * serverKeepsTimeout}), the timeout goes to the server as the statement's executionTimeout, and the driver's
     * own deadline is {@value #SERVER_TIMEOUT_GRACE_SECONDS} s later, for when the server's answer does not come;
     * otherwise the driver's deadline is the timeout.
     */
    static Execution submit(GatewayClient client, String sql, int timeoutSeconds, boolean serverKeepsTimeout)
            throws SQLException {
        long executionTimeoutMillis = serverKeepsTimeout && timeoutSeconds > 0
                ? TimeUnit.SECONDS.toMillis(timeoutSeconds) : 0;
        String operation = client.submit(sql, Map.of(), executionTimeoutMillis);
        long deadlineSeconds = timeoutSeconds + (executionTimeoutMillis > 0 ? SERVER_TIMEOUT_GRACE_SECONDS : 0);
        return new Execution(client, operation, timeoutSeconds > 0 ? System.nanoTime()
                + TimeUnit.SECONDS.toNanos(deadlineSeconds) : 0);
    }

    String operation() {
        return operation;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** The first page with an answer: rows (maybe none yet), the end, or the statement's failure. */
    ResultPage firstPage() throws SQLException {
        String path = client.firstPage(operation);
        long waitMillis = 0;
        while (true) {
            checkNotCancelled();
            if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0) {
                stopOnServer();
                throw Errors.of(ErrorCode.TIMEOUT, "the query timeout passed before the statement produced a"
                        + " result; it was cancelled [operation " + operation + "]");
            }
            ResultPage page;
            try {
                page = client.fetch(path, operation);
            } catch (SQLException e) {
                checkNotCancelled();
                throw e;
            }
            if (page.type() != ResultPage.Type.NOT_READY) {
                return page;
            }
            path = page.nextUri() == null ? path : page.nextUri();
            waitMillis = waitMillis == 0 ? 1 : Math.min(waitMillis * 2, MAX_WAIT_MILLIS);
            try {
                if (cancelSignal.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    checkNotCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw Errors.of(ErrorCode.CANCELLED, "interrupted; the statement was cancelled [operation "
                        + operation + "]", e);
            }
        }
    }

    void streaming(ServerRowSource source) {
        this.rows = source;
    }

    private void checkNotCancelled() throws SQLException {
        if (cancelled) {
            throw Errors.of(ErrorCode.CANCELLED, "the statement was cancelled [operation " + operation + "]");
        }
    }

    /** From any thread: stops the statement on the server; the thread running it ends with 57014. */
    void cancel() throws SQLException {
        cancelled = true;
        cancelSignal.countDown();
        ServerRowSource source = rows;
        if (source != null) {
            source.cancel();
        } else {
            stopOnServer();
        }
    }

    /** Cancels a statement still running, then closes it (which stops a job that already streams rows). */
    private void stopOnServer() throws SQLException {
        try {
            client.cancel(operation);
        } finally {
            client.closeOperation(operation);
        }
    }

    /** Frees the operation on the server. */
    void close() throws SQLException {
        client.closeOperation(operation);
    }
}
