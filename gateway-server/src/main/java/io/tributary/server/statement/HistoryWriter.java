package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.history.StatementEnd;
import io.tributary.history.StatementHistoryRepository;
import io.tributary.history.StatementRecord;
import io.tributary.lineage.StatementLineageRepository;
import io.tributary.lineage.TableFlow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the statement history and lineage in the background, in the order the statements' events happen, so that
 * a client's statement never waits for the metadata database. One thread, a bounded queue: when the database
 * cannot keep up (or is down), events beyond the queue are dropped and counted, never blocking a statement.
 */
final class HistoryWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    static final int QUEUE_CAPACITY = 10_000;

    private final StatementHistoryRepository history;
    private final StatementLineageRepository lineage;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();

    HistoryWriter(StatementHistoryRepository history, StatementLineageRepository lineage) {
        this.history = requireNonNull(history, "history is null");
        this.lineage = requireNonNull(lineage, "lineage is null");
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                    Thread thread = new Thread(runnable, "tributary-statement-history");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    void insert(StatementRecord statement) {
        submit("record statement " + statement.id(), () -> history.insert(statement));
    }

    void end(String id, StatementEnd end) {
        submit("end statement " + id, () -> history.end(id, end));
    }

    void flinkJob(String id, String flinkJobId) {
        submit("record the Flink job of statement " + id, () -> history.setFlinkJobId(id, flinkJobId));
    }

    void lineage(String statementId, Collection<TableFlow> flows, Instant at) {
        if (flows.isEmpty()) {
            return;
        }
        List<TableFlow> copy = List.copyOf(flows);
        submit("record the lineage of statement " + statementId, () -> lineage.record(statementId, copy, at));
    }

    private void submit(String what, Runnable write) {
        try {
            executor.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warn("The statement history could not {}: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            if (dropped.getAndIncrement() % 1_000 == 0) {
                LOG.warn("The statement history falls behind (or is stopping): {} events dropped so far",
                        dropped.get());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The statement history stopped with {} events unwritten", executor.getQueue().size());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
