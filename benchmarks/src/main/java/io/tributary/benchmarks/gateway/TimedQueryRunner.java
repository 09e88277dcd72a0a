package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a statement in a session and follows its result pages to the end, timing the first row and the last page.
 * While a page brings no row it polls again after {@code pollInterval} (a few milliseconds, not Flink's JDBC
 * driver's fixed 100 ms), for at most {@code timeout}. The operation is closed afterwards, also on failure.
 */
public final class TimedQueryRunner {

    private final Duration pollInterval;
    private final Duration timeout;

    public TimedQueryRunner(Duration pollInterval, Duration timeout) {
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        if (pollInterval.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("pollInterval must not be negative and timeout must be positive");
        }
    }

    /** Runs a query that returns rows and times it. */
    public QueryTiming time(GatewaySession session, String statement) throws IOException, InterruptedException {
        Outcome outcome = follow(session, statement);
        if (outcome.rows() == 0) {
            throw new IOException("'" + statement + "' returned no row");
        }
        return new QueryTiming(Duration.ofNanos(outcome.firstRowNanos()), Duration.ofNanos(outcome.completeNanos()),
                outcome.rows());
    }

    /** Runs a statement (DDL, SET) to its end, for setting a session up; returns how many rows it returned. */
    public long execute(GatewaySession session, String statement) throws IOException, InterruptedException {
        return follow(session, statement).rows();
    }

    private Outcome follow(GatewaySession session, String statement) throws IOException, InterruptedException {
        requireNonNull(session, "session is null");
        requireNonNull(statement, "statement is null");
        long submitted = System.nanoTime();
        String operation = session.submit(statement);
        try {
            long firstRow = -1;
            long rows = 0;
            String resultPath = session.firstResultPath(operation);
            while (System.nanoTime() - submitted < timeout.toNanos()) {
                ResultPage page = session.fetch(resultPath);
                if (page.rowCount() > 0 && firstRow < 0) {
                    firstRow = System.nanoTime() - submitted;
                }
                rows += page.rowCount();
                if (page.isLast()) {
                    return new Outcome(firstRow, System.nanoTime() - submitted, rows);
                }
                if (page.rowCount() == 0) {
                    pause();
                }
                resultPath = page.nextResultPath().orElseThrow();
            }
            throw new IOException("'" + statement + "' did not finish within " + timeout.toSeconds() + " s");
        } finally {
            session.closeOperation(operation);
        }
    }

    private void pause() throws InterruptedException {
        if (!pollInterval.isZero()) {
            TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
        }
    }

    /** What following one statement's results found; {@code firstRowNanos} is -1 when no row came. */
    private record Outcome(long firstRowNanos, long completeNanos, long rows) {}
}
