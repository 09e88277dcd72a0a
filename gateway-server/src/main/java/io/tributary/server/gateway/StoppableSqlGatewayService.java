package io.tributary.server.gateway;


import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.operation.OperationStatus;
import org.apache.flink.table.gateway.api.results.FetchOrientation;
import org.apache.flink.table.gateway.api.results.OperationInfo;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's SQL Gateway service with operations that can be stopped in every state, which Flink 1.20's cannot:
 * <ul>
 *   <li><b>cancel</b> works while a query's rows still stream. Flink marks a query's operation FINISHED as soon as its
 *       job runs and then refuses to cancel it (an illegal FINISHED → CANCELED transition, HTTP 500); here such an
 *       operation is closed in Flink, which cancels its job, and it stays visible as CANCELED until its client
 *       closes it. A statement still planning or running synchronously is cancelled by Flink as before;
 *   <li><b>executionTimeout</b> (of the REST protocol's statement request) is honoured. Flink 1.20 refuses any
 *       ("SqlGatewayService doesn't support timeout mechanism now", HTTP 500); here the statement runs without one
 *       in Flink, and when the timeout passes before its results were read to the end it is stopped as by a
 *       cancel, and it is TIMEOUT.
 * </ul>
 * Fetching the results of a stopped operation fails with a message that says why (cancelled, or its timeout). The
 * stopped operations are remembered until their client closes them or their session closes.
 */
final class StoppableSqlGatewayService extends ForwardingSqlGatewayService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoppableSqlGatewayService.class);

    /** An operation stopped here: why, and whether Flink still holds it (only a running one cancelled by Flink). */
    private record Stopped(SessionHandle session, OperationStatus status, String reason, boolean heldByFlink) {}

    /** A statement with an executionTimeout whose results have not been read to the end yet. */
    private record Deadline(SessionHandle session, ScheduledFuture<?> timer) {}

    private final Map<OperationHandle, Stopped> stopped = new ConcurrentHashMap<>();
    private final Map<OperationHandle, Deadline> deadlines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-statement-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    StoppableSqlGatewayService(SqlGatewayService delegate) {
        super(delegate);
    }

    @Override
    public OperationHandle executeStatement(SessionHandle session, String statement, long executionTimeoutMillis,
            Configuration executionConfig) {
        // As in Flink: zero or a negative timeout (the server's own statements pass -1) means none.
        OperationHandle operation = delegate.executeStatement(session, statement, 0, executionConfig);
        if (executionTimeoutMillis > 0) {
            ScheduledFuture<?> timer = timers.schedule(() -> timedOut(session, operation, executionTimeoutMillis),
                    executionTimeoutMillis, TimeUnit.MILLISECONDS);
            deadlines.put(operation, new Deadline(session, timer));
        }
        return operation;
    }

    private void timedOut(SessionHandle session, OperationHandle operation, long executionTimeoutMillis) {
        if (deadlines.remove(operation) == null) {
            return;
        }
        try {
            stop(session, operation, OperationStatus.TIMEOUT, "Operation " + operation + " ran longer than its"
                    + " executionTimeout of " + executionTimeoutMillis + " ms and was cancelled");
        } catch (RuntimeException e) {
            // The session or operation went away meanwhile: nothing left to stop.
            LOG.debug("Statement {} could not be stopped at its timeout: {}", operation, e.toString());
        }
    }

    @Override
    public void cancelOperation(SessionHandle session, OperationHandle operation) {
        cancelDeadline(operation);
        stop(session, operation, OperationStatus.CANCELED, "Operation " + operation + " was cancelled");
    }

    /** Stops an operation in whatever state it is; one that already ended or was stopped stays as it is. */
    private void stop(SessionHandle session, OperationHandle operation, OperationStatus status, String reason) {
        if (stopped.containsKey(operation)) {
            return;
        }
        OperationStatus current = delegate.getOperationInfo(session, operation).getStatus();
        if (current != OperationStatus.FINISHED && current.isTerminalStatus()) {
            return;
        }
        if (current != OperationStatus.FINISHED) {
            // Known as stopped before Flink cancels it: a fetch that comes meanwhile hears why.
            stopped.put(operation, new Stopped(session, status, reason, true));
            try {
                delegate.cancelOperation(session, operation);
                return;
            } catch (SqlGatewayException e) {
                // It finished meanwhile (a query whose job now runs): stopped by closing it, below.
                if (delegate.getOperationInfo(session, operation).getStatus() != OperationStatus.FINISHED) {
                    stopped.remove(operation);
                    throw e;
                }
            }
        }
        // FINISHED: a query whose job may still produce rows. Closing the operation cancels that job.
        stopped.put(operation, new Stopped(session, status, reason, false));
        delegate.closeOperation(session, operation);
    }

    private void cancelDeadline(OperationHandle operation) {
        Deadline deadline = deadlines.remove(operation);
        if (deadline != null) {
            deadline.timer().cancel(false);
        }
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, long token, int maxRows) {
        failIfStopped(operation);
        try {
            return followed(operation, delegate.fetchResults(session, operation, token, maxRows));
        } catch (SqlGatewayException e) {
            // Stopped while this fetch was on its way: why it was stopped says more than Flink's "CANCELED status".
            failIfStopped(operation);
            throw e;
        }
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, FetchOrientation orientation,
            int maxRows) {
        failIfStopped(operation);
        try {
            return followed(operation, delegate.fetchResults(session, operation, orientation, maxRows));
        } catch (SqlGatewayException e) {
            failIfStopped(operation);
            throw e;
        }
    }

    /** Once every result was read, the statement is done and its timeout no longer applies. */
    private ResultSet followed(OperationHandle operation, ResultSet result) {
        if (result.getResultType() == ResultSet.ResultType.EOS) {
            cancelDeadline(operation);
        }
        return result;
    }

    private void failIfStopped(OperationHandle operation) {
        Stopped stop = stopped.get(operation);
        if (stop != null) {
            throw new SqlGatewayException(stop.reason());
        }
    }

    @Override
    public OperationInfo getOperationInfo(SessionHandle session, OperationHandle operation) {
        Stopped stop = stopped.get(operation);
        if (stop != null) {
            return new OperationInfo(stop.status());
        }
        return delegate.getOperationInfo(session, operation);
    }

    @Override
    public ResolvedSchema getOperationResultSchema(SessionHandle session, OperationHandle operation) {
        failIfStopped(operation);
        return delegate.getOperationResultSchema(session, operation);
    }

    @Override
    public void closeOperation(SessionHandle session, OperationHandle operation) {
        cancelDeadline(operation);
        Stopped stop = stopped.remove(operation);
        if (stop == null || stop.heldByFlink()) {
            delegate.closeOperation(session, operation);
        }
    }

    @Override
    public void closeSession(SessionHandle session) {
        try {
            delegate.closeSession(session);
        } finally {
            stopped.values().removeIf(stop -> stop.session().equals(session));
            deadlines.entrySet().removeIf(entry -> {
                if (entry.getValue().session().equals(session)) {
                    entry.getValue().timer().cancel(false);
                    return true;
                }
                return false;
            });
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------ pass-through

}
