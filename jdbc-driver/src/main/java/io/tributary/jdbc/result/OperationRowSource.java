package io.tributary.jdbc.result;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.WarningChain;
import io.tributary.jdbc.client.GatewayClient;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * What every source of a server operation's rows shares: the operation, its warnings, and cancelling it from
 * another thread (the operation is cancelled on the server, which cancels its job, then closed; the thread reading
 * gets 57014).
 */
abstract class OperationRowSource implements ServerRowSource {

    protected final GatewayClient client;
    protected final String operation;
    private final WarningChain warnings = new WarningChain();
    private volatile boolean cancelled;

    OperationRowSource(GatewayClient client, String operation) {
        this.client = requireNonNull(client, "client is null");
        this.operation = requireNonNull(operation, "operation is null");
    }

    public String operation() {
        return operation;
    }

    @Override
    public final void cancel() throws SQLException {
        cancelled = true;
        onCancel();
        try {
            client.cancel(operation);
        } finally {
            close();
        }
    }

    /** What a source does first when it is cancelled (before the server is told). */
    void onCancel() {
    }

    boolean cancelled() {
        return cancelled;
    }

    SQLException cancelledFailure() {
        return Errors.of(ErrorCode.CANCELLED, "the statement was cancelled [operation " + operation + "]");
    }

    /** The query timeout passed: a warning says so, and the result ends (its job is cancelled when it closes). */
    void timedOut() throws SQLException {
        warnings.add(new SQLWarning("the query timeout passed: the result ends here and its job was cancelled"
                + " [operation " + operation + "]", ErrorCode.TIMEOUT.sqlState(), ErrorCode.TIMEOUT.vendorCode()));
        close();
    }

    @Override
    public SQLWarning warnings() {
        return warnings.first();
    }
}
