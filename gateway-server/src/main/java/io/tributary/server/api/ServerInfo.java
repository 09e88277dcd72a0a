package io.tributary.server.api;

import java.time.Instant;

/** What {@code GET /api/v1/info} answers: versions, where each endpoint listens, the metadata database. */
public record ServerInfo(
        String product,
        String version,
        String flinkVersion,
        String javaVersion,
        String instanceId,
        Instant startedAt,
        Ports ports,
        Urls urls,
        MetadataDatabase metadataDatabase,
        EmbeddedCluster embeddedCluster) {

    public record Ports(int management, int gateway, int flink) {}

    public record Urls(String management, String gateway, String flinkWebUi, String openApi, String health) {}

    public record MetadataDatabase(String kind, String url, java.util.Map<String, String> schemaVersions) {}

    public record EmbeddedCluster(String restAddress, int taskManagers, int slotsPerTaskManager, boolean running) {}
}
