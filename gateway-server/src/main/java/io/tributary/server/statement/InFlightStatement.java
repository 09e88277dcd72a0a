package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.service.operation.OperationManager;

/**
 * A statement Flink accepted and that has not ended yet: what it is, Flink's operation for it (watched without
 * touching its session), and, for a query, the rows its client has read so far. Its fields change under its own
 * monitor; {@link StatementRecorder} ends it once.
 */
final class InFlightStatement {

    final String id;
    final StartedStatement statement;
    final OperationHandle operation;
    /** Flink's operation, watched directly; empty when the session was gone before it could be looked up. */
    final Optional<OperationManager.Operation> flinkOperation;
    /** A query ends when its client has read its last row (or gives up), not when Flink's operation finishes. */
    final boolean endsWithItsRows;

    long rows;
    long lastCountedToken = -1;
    Optional<String> flinkJobId = Optional.empty();
    boolean ended;

    InFlightStatement(String id, StartedStatement statement, OperationHandle operation,
            Optional<OperationManager.Operation> flinkOperation, boolean endsWithItsRows) {
        this.id = requireNonNull(id, "id is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.operation = requireNonNull(operation, "operation is null");
        this.flinkOperation = requireNonNull(flinkOperation, "flinkOperation is null");
        this.endsWithItsRows = endsWithItsRows;
    }
}
