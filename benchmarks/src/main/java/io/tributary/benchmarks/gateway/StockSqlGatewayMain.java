package io.tributary.benchmarks.gateway;

import java.util.List;
import org.apache.flink.table.gateway.SqlGateway;

/**
 * The stock side of the gateway benchmark, run in a child JVM by {@link StockGatewayLauncher}: a MiniCluster, then
 * Flink's own SQL Gateway entry point ({@link SqlGateway#main}, what {@code sql-gateway.sh start-foreground}
 * runs) with dynamic properties that point its sessions at that cluster and bind its REST endpoint to 127.0.0.1.
 * Stopped by SIGTERM: Flink's shutdown hook stops the gateway, this class's hook stops the cluster.
 *
 * <p>Usage: {@code StockSqlGatewayMain --flink-port PORT --gateway-port PORT} (with {@code FLINK_CONF_DIR} set).
 */
public final class StockSqlGatewayMain {

    static final String FLINK_PORT_OPTION = "--flink-port";
    static final String GATEWAY_PORT_OPTION = "--gateway-port";

    private StockSqlGatewayMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !args[0].equals(FLINK_PORT_OPTION) || !args[2].equals(GATEWAY_PORT_OPTION)) {
            System.err.println("Usage: StockSqlGatewayMain " + FLINK_PORT_OPTION + " PORT " + GATEWAY_PORT_OPTION
                    + " PORT");
            System.exit(2);
        }
        int flinkPort = Integer.parseInt(args[1]);
        int gatewayPort = Integer.parseInt(args[3]);
        StockFlinkCluster cluster = StockFlinkCluster.start(flinkPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster), "stock-cluster-shutdown"));
        try {
            SqlGateway.main(gatewayArguments(flinkPort, gatewayPort).toArray(String[]::new));
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Flink's SqlGateway command line: {@code -Dkey=value} dynamic properties (SqlGatewayOptionsParser). */
    static List<String> gatewayArguments(int flinkPort, int gatewayPort) {
        String address = StockFlinkCluster.ADDRESS;
        return List.of(
                "-Dexecution.target=remote",
                "-Drest.address=" + address,
                "-Drest.port=" + flinkPort,
                "-Dsql-gateway.endpoint.type=rest",
                "-Dsql-gateway.endpoint.rest.address=" + address,
                "-Dsql-gateway.endpoint.rest.bind-address=" + address,
                "-Dsql-gateway.endpoint.rest.port=" + gatewayPort);
    }

    private static void closeQuietly(StockFlinkCluster cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            System.err.println("The stock MiniCluster did not stop cleanly: " + e);
        }
    }
}
