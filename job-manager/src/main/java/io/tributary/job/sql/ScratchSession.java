package io.tributary.job.sql;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;

/**
 * A gateway session of the server's own, for running a job's statements the way a user's session would
 * (validation, deployment); {@link WarmSessions} keeps it open for the next operation set up the same way.
 * Failures carry Flink's most specific message.
 */
public final class ScratchSession implements AutoCloseable {

    /** Longest pause between two looks at a running statement: what a statement's answer may be late by. */
    private static final long MAX_WAIT_MICROS = 2_000;

    private final SqlGatewayService gateway;
    private final SessionHandle session;
    private final Duration timeout;
    private final long openedNanos = System.nanoTime();

    public ScratchSession(SqlGatewayService gateway, String name, Map<String, String> options, Duration timeout) {
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.session = gateway.openSession(SessionEnvironment.newBuilder()
                .setSessionName(requireNonNull(name, "name is null"))
                .setSessionEndpointVersion(SqlGatewayRestAPIVersion.getDefaultVersion())
                .addSessionConfig(options)
                .build());
    }

    /** Makes {@code catalog}.{@code database} current, as USE CATALOG and USE would (one statement). */
    public void use(String catalog, String database) {
        run("USE " + quote(catalog) + "." + quote(database));
    }

    /** Runs one statement and returns its first page of results. */
    public ResultSet run(String statement) {
        return run(statement, Map.of());
    }

    /**
     * Runs one statement with {@code executionOptions} on top of the session's options for this statement only
     * (Flink's execution config of an operation), and returns its first page of results.
     */
    public ResultSet run(String statement, Map<String, String> executionOptions) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            OperationHandle operation = gateway.executeStatement(session, statement, -1,
                    Configuration.fromMap(executionOptions));
            long waitMicros = 200;
            while (System.nanoTime() < deadline) {
                ResultSet page = gateway.fetchResults(session, operation, 0, 100);
                if (page.getResultType() != ResultSet.ResultType.NOT_READY) {
                    return page;
                }
                // Most statements are ready within a millisecond or two: ask again soon, then less often.
                TimeUnit.MICROSECONDS.sleep(waitMicros);
                waitMicros = Math.min(waitMicros * 2, MAX_WAIT_MICROS);
            }
            gateway.cancelOperation(session, operation);
            throw new StatementFailedException(statement,
                    new FlinkErrorMessage("did not finish within " + timeout, java.util.Optional.empty()), null);
        } catch (SqlGatewayException e) {
            throw new StatementFailedException(statement, FlinkErrorMessage.of(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatementFailedException(statement,
                    new FlinkErrorMessage("interrupted", java.util.Optional.empty()), e);
        }
    }

    /** False once the session is gone (closed, or expired by Flink's idle-session cleanup). */
    public boolean isOpen() {
        try {
            gateway.getSessionConfig(session);
            return true;
        } catch (SqlGatewayException | IllegalStateException gone) {
            return false;
        }
    }

    /** How long ago the session was opened. */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - openedNanos);
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public void close() {
        gateway.closeSession(session);
    }

    /** A statement Flink refused or failed; carries Flink's message and the position it names. */
    public static final class StatementFailedException extends RuntimeException {
        private final String statement;
        private final FlinkErrorMessage error;

        StatementFailedException(String statement, FlinkErrorMessage error, Throwable cause) {
            super(error.message(), cause);
            this.statement = statement;
            this.error = error;
        }

        public String statement() {
            return statement;
        }

        public FlinkErrorMessage error() {
            return error;
        }
    }
}
