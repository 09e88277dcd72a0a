package io.tributary.jdbc.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import io.tributary.jdbc.SessionContext;
import io.tributary.jdbc.WarningChain;
import io.tributary.jdbc.client.GatewayClient;
import io.tributary.jdbc.client.HttpTransport;
import io.tributary.jdbc.client.ResultPage;
import io.tributary.jdbc.client.RowStream;
import io.tributary.jdbc.result.Column;
import io.tributary.jdbc.result.ListRowSource;
import io.tributary.jdbc.result.PrefetchingRowSource;
import io.tributary.jdbc.result.ResultSetOwner;
import io.tributary.jdbc.result.ServerRowSource;
import io.tributary.jdbc.result.StreamingRowSource;
import io.tributary.jdbc.result.TributaryResultSet;
import io.tributary.jdbc.types.FlinkType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement: each {@code execute} runs one Flink SQL statement in the connection's session. A query's rows
 * stream; DDL, SET and INSERT have an update count of 0 (Flink does not count rows; an INSERT's job id is in a
 * warning and in {@link #getJobId()}).
 */
public class TributaryStatement extends StatementOptions implements Statement, ResultSetOwner {

    private final SessionContext session;
    private final List<String> batch = new ArrayList<>();
    private volatile Execution execution;
    private TributaryResultSet resultSet;
    private long updateCount = -1;
    private String jobId;
    private final WarningChain warnings = new WarningChain();

    public TributaryStatement(SessionContext session) {
        this.session = requireNonNull(session, "session is null");
    }

    protected SessionContext session() {
        return session;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(sql);
    }

    /** Runs one statement; true when it has a result set. */
    protected boolean run(String sql) throws SQLException {
        checkOpen();
        requireNonNull(sql, "sql is null");
        closeResult();
        warnings.clear();
        jobId = null;
        session.beforeExecute(sql);
        Execution current = Execution.submit(session.client(), sql, getQueryTimeout(),
                session.tributaryServer() != null);
        execution = current;
        ResultPage first;
        try {
            first = current.firstPage();
        } catch (SQLException failure) {
            execution = null;
            try {
                current.close();
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
        session.afterExecute(sql);
        if (first.hasRows()) {
            List<Column> columns = columns(sql, first);
            ServerRowSource rows = rows(current, columns, first);
            current.streaming(rows);
            resultSet = new TributaryResultSet(this, rows, session.converter());
            resultSet.setFetchSize(getFetchSize());
            updateCount = -1;
            return true;
        }
        jobId = first.jobId();
        if (jobId != null) {
            warnings.add(new SQLWarning("the statement runs as Flink job " + jobId + " [operation "
                    + current.operation() + "]", "01000", 0));
        }
        current.close();
        execution = null;
        updateCount = 0;
        return false;
    }

    /**
     * Where the rows after the first page come from: Tributary's result stream (dense, prefetched by a reader
     * thread) when the server offers it and more rows may follow, else the REST protocol's JSON pages.
     */
    private ServerRowSource rows(Execution current, List<Column> columns, ResultPage first) throws SQLException {
        long token = GatewayClient.token(first.nextUri());
        HttpTransport server = session.tributaryServer();
        if (server != null && session.resultStream() && token >= 0 && first.type() != ResultPage.Type.EOS
                && (getLargeMaxRows() == 0 || first.rows().size() < getLargeMaxRows())) {
            try {
                RowStream stream = RowStream.open(server, session.client().session(), current.operation(), token,
                        first.columnTypes());
                return new PrefetchingRowSource(session.client(), current.operation(), columns, first, stream,
                        session.rowKinds(), getLargeMaxRows(), current.deadlineNanos());
            } catch (SQLException unavailable) {
                // An older server, or its management API is unreachable from here: the REST protocol's pages.
            }
        }
        return new StreamingRowSource(session.client(), current.operation(), columns, first, session.rowKinds(),
                getLargeMaxRows(), current.deadlineNanos());
    }

    private List<Column> columns(String sql, ResultPage first) throws SQLException {
        String[] table = first.queryResult() ? SourceTable.of(sql, session.currentCatalog(),
                session.currentDatabase()) : null;
        List<Column> columns = new ArrayList<>();
        if (session.rowKinds()) {
            columns.add(new Column("op", FlinkType.sized(io.tributary.jdbc.types.TypeRoot.VARCHAR, false, 2)));
        }
        for (int i = 0; i < first.columnNames().size(); i++) {
            columns.add(table == null ? new Column(first.columnNames().get(i), first.columnTypes().get(i))
                    : new Column(first.columnNames().get(i), first.columnTypes().get(i), table[0], table[1],
                            table[2]));
        }
        return columns;
    }

    /** The Flink job the last INSERT or STATEMENT SET submitted, or null. */
    public String getJobId() {
        return jobId;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return queryResult(execute(sql), sql);
    }

    protected ResultSet queryResult(boolean hasResultSet, String sql) throws SQLException {
        if (!hasResultSet) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "the statement returned no result set (use execute or"
                    + " executeUpdate): " + sql);
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return updateResult(execute(sql), sql);
    }

    protected long updateResult(boolean hasResultSet, String sql) throws SQLException {
        if (hasResultSet) {
            closeResult();
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "the statement returned a result set (use executeQuery or"
                    + " execute): " + sql);
        }
        return updateCount;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return (int) getLargeUpdateCount();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current != KEEP_CURRENT_RESULT) {
            closeResult();
        }
        resultSet = null;
        updateCount = -1;
        return false;
    }

    /** From another thread: stops the running statement on the server, which cancels its Flink job. */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        Execution current = execution;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(requireNonNull(sql, "sql is null"));
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = (int) counts[i];
        }
        return result;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> statements = new ArrayList<>(batch);
        batch.clear();
        long[] counts = new long[statements.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = executeLargeUpdate(statements.get(i));
        }
        return counts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return session.connection();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return new TributaryResultSet(this, new ListRowSource(List.of(), List.of()), session.converter());
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return execute(sql);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        SQLWarning fromRows = resultSet == null || resultSet.isClosed() ? null : resultSet.getWarnings();
        if (warnings.first() == null) {
            return fromRows;
        }
        return warnings.first();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings.clear();
    }

    private void closeResult() throws SQLException {
        TributaryResultSet current = resultSet;
        resultSet = null;
        execution = null;
        if (current != null) {
            current.closeFromStatement();
        }
    }

    /** The result set closed by the application: with closeOnCompletion the statement closes too. */
    @Override
    public void resultClosed() throws SQLException {
        if (isCloseOnCompletion()) {
            close();
        }
    }

    @Override
    public void close() throws SQLException {
        if (isClosed()) {
            return;
        }
        try {
            closeResult();
        } finally {
            markClosed();
            session.statementClosed(this);
        }
    }
}
