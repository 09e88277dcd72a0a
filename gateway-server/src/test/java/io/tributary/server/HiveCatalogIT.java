package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.testing.FlinkJdbcSession;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.HadoopConfigurationFile;
import io.tributary.server.testing.HiveMetastoreProcess;
import io.tributary.server.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogs on a real Hive metastore (its own JVM, one for this class) through a real Tributary server and Flink's
 * own JDBC driver: Flink's HiveCatalog, and Iceberg's hive-type catalog on the same metastore.
 */
class HiveCatalogIT {

    private static HiveMetastoreProcess metastore;
    private static TestServer server;

    @BeforeAll
    static void start() {
        metastore = HiveMetastoreProcess.start();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (metastore != null) {
                metastore.close();
            }
        }
    }

    @AfterEach
    void dropTheCatalogsThisTestCreated() {
        // Catalogs live in the shared catalog store: each test starts with none but the default one.
        server.dropCatalogs();
    }

    @Test
    void hiveCatalogCreatesADatabaseAndAHiveTableThenInsertsAndSelects() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute(hiveCatalogDdl("hive"));
            session.execute("CREATE DATABASE hive.sales");
            session.execute("CREATE TABLE hive.sales.orders (id INT, customer STRING, amount DECIMAL(10, 2)) "
                    + "WITH ('connector' = 'hive')");
            session.execute("INSERT INTO hive.sales.orders VALUES "
                    + "(1, 'ada', CAST(12.50 AS DECIMAL(10, 2))), (2, 'grace', CAST(7.25 AS DECIMAL(10, 2)))");

            assertThat(session.query("SELECT id, customer, CAST(amount AS STRING) FROM hive.sales.orders ORDER BY id"))
                    .containsExactly(List.of(1, "ada", "12.50"), List.of(2, "grace", "7.25"));
        }
        // A real Hive table in the metastore, not a Flink "generic" table stored in its parameters.
        try (HiveMetaStoreClient client = metastoreClient()) {
            Table orders = client.getTable("sales", "orders");
            assertThat(orders.getSd().getCols()).extracting(column -> column.getName() + " " + column.getType())
                    .containsExactly("id int", "customer string", "amount decimal(10,2)");
            assertThat(orders.getParameters()).doesNotContainKey("is_generic");
            assertThat(orders.getSd().getInputFormat()).isEqualTo("org.apache.hadoop.mapred.TextInputFormat");
        }
        // The rows outlive the session: a new session with a new catalog object reads them back from the metastore.
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute(hiveCatalogDdl("hive_again"));
            assertThat(session.query("SELECT COUNT(*), SUM(id) FROM hive_again.sales.orders"))
                    .containsExactly(List.of(2L, 3));
        }
    }

    @Test
    void icebergHiveCatalogCreatesInsertsAndSelects(@TempDir Path warehouse) throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute("CREATE CATALOG lake WITH ("
                    + "'type' = 'iceberg', 'catalog-type' = 'hive', "
                    + "'uri' = '" + metastore.thriftUri() + "', "
                    + "'hive-conf-dir' = '" + metastore.clientConfDir() + "', "
                    + "'warehouse' = '" + warehouse.toUri() + "')");
            session.execute("CREATE DATABASE lake.events");
            session.execute("CREATE TABLE lake.events.clicks (id BIGINT, page STRING)");
            session.execute("INSERT INTO lake.events.clicks VALUES (1, '/home'), (2, '/docs'), (3, '/home')");

            assertThat(session.query("SELECT page, COUNT(*) FROM lake.events.clicks GROUP BY page ORDER BY page"))
                    .containsExactly(List.of("/docs", 1L), List.of("/home", 2L));
        }
        try (HiveMetaStoreClient client = metastoreClient()) {
            Table clicks = client.getTable("events", "clicks");
            assertThat(clicks.getParameters()).containsEntry("table_type", "ICEBERG");
        }
    }

    @Test
    void aHiveConfDirWithoutHiveSiteXmlIsNamed(@TempDir Path empty) throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            assertThat(session.errorOf("CREATE CATALOG hive WITH ('type' = 'hive', 'hive-conf-dir' = '" + empty
                    + "', 'hive-version' = '3.1.3')"))
                    .contains("Unable to create catalog 'hive'.")
                    .contains("Failed to load hive-site.xml from specified path:file:" + empty + "/hive-site.xml");
        }
    }

    @Test
    void anUnsupportedHiveVersionIsNamed() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            assertThat(session.errorOf("CREATE CATALOG hive WITH ('type' = 'hive', 'hive-conf-dir' = '"
                    + metastore.clientConfDir() + "', 'hive-version' = '9.9.9')"))
                    .contains("Unable to create catalog 'hive'.")
                    .contains("Unsupported Hive version 9.9.9");
        }
    }

    @Test
    void anUnreachableMetastoreSaysTheConnectionWasRefused(@TempDir Path confDir) throws Exception {
        int closedPort = FreePorts.next();
        new HadoopConfigurationFile(Map.of("hive.metastore.uris", "thrift://127.0.0.1:" + closedPort))
                .writeTo(confDir.resolve("hive-site.xml"));
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            // Flink names the catalog and its hive-conf-dir, Hive the reason; neither names the metastore's URI.
            assertThat(session.errorOf("CREATE CATALOG hive WITH ('type' = 'hive', 'hive-conf-dir' = '" + confDir
                    + "', 'hive-version' = '3.1.3')"))
                    .contains("Could not execute CREATE CATALOG: (catalogName: [hive], properties: [{hive-conf-dir="
                            + confDir)
                    .contains("Failed to create Hive Metastore client")
                    .contains("Could not connect to meta store using any of the URIs provided. Most recent failure: "
                            + "org.apache.thrift.transport.TTransportException: java.net.ConnectException: "
                            + "Connection refused");
            // Iceberg's hive catalog connects lazily: the first statement that needs the metastore fails.
            session.execute("CREATE CATALOG lake WITH ('type' = 'iceberg', 'catalog-type' = 'hive', "
                    + "'uri' = 'thrift://127.0.0.1:" + closedPort + "', 'warehouse' = '" + confDir.toUri() + "')");
            assertThat(session.errorOf("CREATE DATABASE lake.events"))
                    .contains("Failed to connect to Hive Metastore")
                    .contains("Could not connect to meta store using any of the URIs provided");
        }
    }

    private static String hiveCatalogDdl(String name) {
        return "CREATE CATALOG " + name + " WITH ('type' = 'hive', "
                + "'hive-conf-dir' = '" + metastore.clientConfDir() + "', 'hive-version' = '3.1.3')";
    }

    private static HiveMetaStoreClient metastoreClient() throws Exception {
        HiveConf configuration = new HiveConf();
        configuration.set("hive.metastore.uris", metastore.thriftUri());
        return new HiveMetaStoreClient(configuration);
    }
}
