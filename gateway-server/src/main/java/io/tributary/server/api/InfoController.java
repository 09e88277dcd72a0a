package io.tributary.server.api;

import static java.util.Objects.requireNonNull;

import io.tributary.instance.ServerInstance;
import io.tributary.metadata.MetadataMigrator.MigratedSchema;
import io.tributary.server.flink.EmbeddedFlinkCluster;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import io.tributary.server.instance.ServerInstanceLifecycle;
import io.tributary.server.instance.TributaryVersion;
import io.tributary.server.metadata.MetadataDatabaseConfiguration.MetadataDatabaseSettings;
import io.tributary.server.metadata.MetadataSchemaStatus;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class InfoController {

    private final TributaryVersion version;
    private final ServerInstanceLifecycle instance;
    private final EmbeddedFlinkCluster cluster;
    private final EmbeddedSqlGateway gateway;
    private final MetadataDatabaseSettings metadata;
    private final MetadataSchemaStatus schema;
    private final String managementAddress;
    private final int managementPort;

    InfoController(TributaryVersion version, ServerInstanceLifecycle instance, EmbeddedFlinkCluster cluster,
            EmbeddedSqlGateway gateway, MetadataDatabaseSettings metadata, MetadataSchemaStatus schema,
            @Value("${server.address:127.0.0.1}") String managementAddress,
            @Value("${server.port}") int managementPort) {
        this.version = requireNonNull(version, "version is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.managementAddress = managementAddress;
        this.managementPort = managementPort;
    }

    @GetMapping("/info")
    @Operation(summary = "Versions, ports, the metadata database and the embedded cluster of this server")
    ServerInfo info() {
        ServerInstance current = instance.current();
        String management = "http://" + managementAddress + ":" + managementPort;
        Map<String, String> schemaVersions = new LinkedHashMap<>();
        for (MigratedSchema migrated : schema.schemas()) {
            schemaVersions.put(migrated.schema().name(), migrated.version());
        }
        return new ServerInfo(
                "Tributary",
                version.version(),
                version.flinkVersion(),
                version.javaVersion(),
                current.id(),
                current.startedAt(),
                new ServerInfo.Ports(managementPort, gateway.port(), cluster.port()),
                new ServerInfo.Urls(management, "http://" + gateway.address() + ":" + gateway.port(),
                        cluster.restAddress().toString(), management + "/api/v1/openapi",
                        management + "/actuator/health"),
                new ServerInfo.MetadataDatabase(metadata.kind().label(), metadata.displayUrl(), schemaVersions),
                new ServerInfo.EmbeddedCluster(cluster.restAddress().toString(), cluster.taskManagers(),
                        cluster.slotsPerTaskManager(), cluster.running()));
    }
}
