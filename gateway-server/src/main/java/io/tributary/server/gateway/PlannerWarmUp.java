package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one small aggregation through the gateway at start-up, end to end on the embedded cluster, so that the
 * planner, code generation and job submission are loaded before the first user query instead of during it. The
 * planner part (an {@code EXPLAIN}) runs while the cluster may still be starting; the query itself once it runs.
 */
final class PlannerWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerWarmUp.class);
    private static final String STATEMENT =
            "SELECT word, COUNT(*) AS n FROM (VALUES ('a'), ('b'), ('b')) AS t(word) GROUP BY word";
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final SqlGatewayService service;
    private final Runnable awaitCluster;

    /** {@code awaitCluster} returns once the embedded cluster runs (and throws if it cannot). */
    PlannerWarmUp(SqlGatewayService service, Runnable awaitCluster) {
        this.service = requireNonNull(service, "service is null");
        this.awaitCluster = requireNonNull(awaitCluster, "awaitCluster is null");
    }

    void run() {
        long started = System.nanoTime();
        SessionHandle session = service.openSession(SessionEnvironment.newBuilder()
                .setSessionName("tributary-warm-up")
                .setSessionEndpointVersion(SqlGatewayRestAPIVersion.getDefaultVersion())
                .build());
        try {
            drain(session, service.executeStatement(session, "EXPLAIN " + STATEMENT, -1, new Configuration()),
                    started);
            awaitCluster.run();
            OperationHandle operation = service.executeStatement(session, STATEMENT, -1, new Configuration());
            long rows = drain(session, operation, started);
            LOG.info("Planner warmed up in {} ms ({} rows)",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), rows);
        } catch (RuntimeException | InterruptedException e) {
            // A slower first query is the only consequence: the server is usable, so say so and go on.
            LOG.warn("Planner warm-up failed; the first query will be slower: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            service.closeSession(session);
        }
    }

    private long drain(SessionHandle session, OperationHandle operation, long started) throws InterruptedException {
        long token = 0;
        long rows = 0;
        while (System.nanoTime() - started < TIMEOUT_NANOS) {
            ResultSet page = service.fetchResults(session, operation, token, 1000);
            rows += page.getData().size();
            if (page.getResultType() == ResultSet.ResultType.EOS || page.getNextToken() == null) {
                return rows;
            }
            if (page.getResultType() == ResultSet.ResultType.NOT_READY) {
                Thread.sleep(10);
            }
            token = page.getNextToken();
        }
        throw new IllegalStateException("warm-up query did not finish in time");
    }
}
