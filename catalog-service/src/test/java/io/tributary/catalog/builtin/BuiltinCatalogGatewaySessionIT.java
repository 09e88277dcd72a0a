package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogBaseTable.TableKind;
import org.apache.flink.table.catalog.CatalogDescriptor;
import org.apache.flink.table.catalog.FileCatalogStore;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.operation.OperationStatus;
import org.apache.flink.table.gateway.api.results.OperationInfo;
import org.apache.flink.table.gateway.api.results.TableInfo;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestAPIVersion;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How a {@code tributary} catalog becomes the default catalog of every session of Flink's SQL Gateway, proven with
 * the gateway's own session code: either the catalog store holds a {@code tributary} catalog under the name of the
 * built-in catalog, or the server opens each session with a catalog creator and makes it the default.
 */
class BuiltinCatalogGatewaySessionIT {

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aTributaryCatalogInTheCatalogStoreUnderTheBuiltInNameIsEverySessionsDefault(MetadataDatabaseKind kind,
            @TempDir Path catalogStore) throws Exception {
        FileCatalogStore store = new FileCatalogStore(catalogStore.toString());
        store.open();
        store.storeCatalog("default_catalog", CatalogDescriptor.of("default_catalog",
                Configuration.fromMap(Map.of("type", "tributary"))));
        store.close();
        Configuration gateway = new Configuration();
        gateway.setString("table.catalog-store.kind", "file");
        gateway.setString("table.catalog-store.file.path", catalogStore.toString());

        runTwoSessions(kind, gateway, SessionEnvironment.newBuilder()
                .setSessionEndpointVersion(SqlGatewayRestAPIVersion.getDefaultVersion()), "default_catalog");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aCatalogCreatorInTheSessionEnvironmentMakesItEverySessionsDefault(MetadataDatabaseKind kind)
            throws Exception {
        SessionEnvironment.Builder environment = SessionEnvironment.newBuilder()
                .setSessionEndpointVersion(SqlGatewayRestAPIVersion.getDefaultVersion())
                .registerCatalogCreator("tributary", (configuration, classLoader) -> FactoryUtil.createCatalog(
                        "tributary", Map.of("type", "tributary"), configuration, classLoader))
                .setDefaultCatalog("tributary");

        runTwoSessions(kind, new Configuration(), environment, "tributary");
    }

    private static void runTwoSessions(MetadataDatabaseKind kind, Configuration gateway,
            SessionEnvironment.Builder environment, String expectedCatalog) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                ServerConnection server = ServerConnection.to(database);
                BuiltinCatalogRegistry.Registration registration =
                        BuiltinCatalogRegistry.register("metadata", server.dsl())) {
            SessionManager sessions = SessionManager.create(new DefaultContext(gateway, List.of()));
            sessions.start();
            try {
                SqlGatewayService service = new SqlGatewayServiceImpl(sessions);
                SessionHandle first = service.openSession(environment.build());
                SessionHandle second = service.openSession(environment.build());
                assertThat(service.getCurrentCatalog(first)).isEqualTo(expectedCatalog);

                execute(service, first, "CREATE TABLE gen (id INT) WITH ('connector' = 'datagen')");
                assertThat(service.listTables(second, expectedCatalog, "default", Set.of(TableKind.TABLE)))
                        .extracting(TableInfo::getIdentifier)
                        .extracting(identifier -> identifier.getObjectName())
                        .containsExactly("gen");
                execute(service, second, "DROP TABLE gen");
                assertThat(service.listTables(first, expectedCatalog, "default", Set.of(TableKind.TABLE))).isEmpty();
            } finally {
                sessions.stop();
            }
        }
    }

    private static void execute(SqlGatewayService service, SessionHandle session, String statement)
            throws InterruptedException {
        OperationHandle operation = service.executeStatement(session, statement, 0, new Configuration());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        OperationInfo info = service.getOperationInfo(session, operation);
        while (!info.getStatus().isTerminalStatus() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            info = service.getOperationInfo(session, operation);
        }
        assertThat(info.getStatus()).as("%s: %s", statement, info.getException()).isEqualTo(OperationStatus.FINISHED);
    }
}
