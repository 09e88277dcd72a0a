package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import io.tributary.server.gateway.ForwardingSqlGatewayService;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.FetchOrientation;
import org.apache.flink.table.gateway.api.results.OperationInfo;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;

/**
 * Flink's SQL Gateway service with every statement shown to the {@link StatementRecorder}: statements as they
 * arrive ({@code executeStatement}, {@code configureSession}), and their operations as clients follow them (fetch,
 * status, cancel, close) and as sessions open and close. Everything else passes through unchanged. The recorder
 * never fails a call, except to refuse a change running jobs depend on.
 */
final class RecordingSqlGatewayService extends ForwardingSqlGatewayService {

    private final StatementRecorder recorder;

    RecordingSqlGatewayService(SqlGatewayService delegate, StatementRecorder recorder) {
        super(delegate);
        this.recorder = requireNonNull(recorder, "recorder is null");
    }

    @Override
    public SessionHandle openSession(SessionEnvironment environment) {
        SessionHandle handle = delegate.openSession(environment);
        recorder.sessionOpened(handle, environment);
        return handle;
    }

    @Override
    public void closeSession(SessionHandle session) {
        recorder.sessionClosing(session);
        try {
            delegate.closeSession(session);
        } finally {
            recorder.sessionClosed(session);
        }
    }

    @Override
    public OperationHandle executeStatement(SessionHandle session, String statement, long timeout,
            Configuration executionConfig) {
        Optional<StartedStatement> started = recorder.begin(session, statement, executionConfig);
        OperationHandle operation;
        try {
            operation = delegate.executeStatement(session, statement, timeout, executionConfig);
        } catch (RuntimeException e) {
            started.ifPresent(accepted -> recorder.failedToStart(accepted, e));
            throw e;
        }
        started.ifPresent(accepted -> recorder.started(accepted, operation));
        return operation;
    }

    @Override
    public void configureSession(SessionHandle session, String statement, long timeout) {
        Optional<StartedStatement> started = recorder.begin(session, statement, new Configuration());
        try {
            delegate.configureSession(session, statement, timeout);
        } catch (RuntimeException e) {
            started.ifPresent(accepted -> recorder.failedToStart(accepted, e));
            throw e;
        }
        started.ifPresent(recorder::configured);
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, long token, int maxRows) {
        ResultSet result;
        try {
            result = delegate.fetchResults(session, operation, token, maxRows);
        } catch (RuntimeException e) {
            recorder.fetchFailed(operation, e);
            throw e;
        }
        recorder.fetched(operation, token, result);
        return result;
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, FetchOrientation orientation,
            int maxRows) {
        ResultSet result;
        try {
            result = delegate.fetchResults(session, operation, orientation, maxRows);
        } catch (RuntimeException e) {
            recorder.fetchFailed(operation, e);
            throw e;
        }
        if (orientation == FetchOrientation.FETCH_NEXT) {
            recorder.fetched(operation, -1, result);
        }
        return result;
    }

    @Override
    public OperationInfo getOperationInfo(SessionHandle session, OperationHandle operation) {
        OperationInfo info = delegate.getOperationInfo(session, operation);
        recorder.observed(operation, info);
        return info;
    }

    @Override
    public void cancelOperation(SessionHandle session, OperationHandle operation) {
        delegate.cancelOperation(session, operation);
        recorder.canceled(operation);
    }

    @Override
    public void closeOperation(SessionHandle session, OperationHandle operation) {
        recorder.closing(operation);
        try {
            delegate.closeOperation(session, operation);
        } finally {
            recorder.closed(operation);
        }
    }

}
