package io.tributary.server.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code tributary.*} setting. Unknown keys under {@code tributary} stop the server at start-up, so a typo
 * is never silently ignored. Defaults live in application.yaml, beside the environment variables that override
 * them; the README lists them all.
 */
@Validated
@ConfigurationProperties(prefix = "tributary", ignoreUnknownFields = false)
public record TributaryProperties(
        @NotNull Path dataDir,
        @Valid @NotNull Metadata metadata,
        @Valid @NotNull Flink flink,
        @Valid @NotNull Gateway gateway,
        @Valid @NotNull @DefaultValue Jobs jobs,
        @Valid @NotNull @DefaultValue Secrets secrets,
        @Valid @NotNull @DefaultValue Clusters clusters,
        @Valid @NotNull @DefaultValue Search search,
        @Valid @NotNull @DefaultValue io.tributary.server.alert.AlertProperties alerts,
        @Valid @NotNull @DefaultValue io.tributary.server.job.yarn.YarnProperties yarn) {

    /** The metadata database: H2 under the data directory unless a URL is given. */
    public record Metadata(
            String url,
            String user,
            String password,
            @NotNull @DefaultValue("10s") Duration connectTimeout,
            @Min(1) @DefaultValue("10") int maxConnections) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** The embedded Flink session cluster (a MiniCluster) that ad-hoc queries run on by default. */
    public record Flink(
            @NotBlank @DefaultValue("127.0.0.1") String address,
            @Min(1) @Max(65535) @DefaultValue("8081") int port,
            @Min(1) @DefaultValue("1") int taskManagers,
            @Min(1) @DefaultValue("4") int slots,
            @NotNull @DefaultValue("256MB") DataSize managedMemory,
            @NotNull @DefaultValue("64MB") DataSize networkMemory,
            @NotNull @DefaultValue Map<String, String> config) {}

    /**
     * The master key that encrypts credentials at rest (catalog passwords, channel tokens). Given directly, or
     * read from a file; when neither is given, a random key is created in {@code master-key-file} (outside the
     * data directory, readable by its owner only) at the first start.
     */
    public record Secrets(
            String masterKey,
            @NotNull Path masterKeyFile,
            @NotNull @DefaultValue Map<String, java.util.List<String>> extraSecretOptions) {}

    /**
     * Managed jobs: where savepoints go, how long operations may take, how often clusters are polled, and how long
     * the session a promotion validated in stays open for the deploy that follows ({@code warm-session-timeout};
     * 0 opens a new session for every operation).
     */
    public record Jobs(
            String savepointDir,
            @NotNull @DefaultValue("10m") Duration savepointTimeout,
            @NotNull @DefaultValue("1m") Duration cancelTimeout,
            @NotNull @DefaultValue("2s") Duration pollInterval,
            @NotNull @DefaultValue("30s") Duration warmSessionTimeout) {}

    /**
     * The cluster watcher (README, "Session clusters"): every cluster is asked for its jobs every
     * {@code tributary.jobs.poll-interval}, {@code in-flight-speed-up} times faster while an operation runs on it;
     * {@code /overview} at most every {@code overview-every-polls} polls when nothing changed; LOST after
     * {@code lost-after-failed-polls} failed polls in a row, then asked at doubling intervals up to
     * {@code max-backoff}; DEGRADED when slower than {@code slow-response}. {@code recent-events} is how many events
     * {@code GET /api/v1/events} keeps.
     */
    public record Clusters(
            @Min(1) @DefaultValue("3") int lostAfterFailedPolls,
            @NotNull @DefaultValue("5s") Duration requestTimeout,
            @NotNull @DefaultValue("3s") Duration slowResponse,
            @NotNull @DefaultValue("60s") Duration maxBackoff,
            @Min(1) @Max(100) @DefaultValue("4") int inFlightSpeedUp,
            @Min(1) @DefaultValue("10") int overviewEveryPolls,
            @Min(1) @Max(64) @DefaultValue("4") int pollThreads,
            @Min(1) @Max(100000) @DefaultValue("1000") int recentEvents) {}

    /**
     * The metadata search index: follows DDL through the gateway at once, and re-reads every stored catalog (the
     * external ones change behind the server's back) at start-up and then every {@code refreshInterval}; 0 turns
     * the scheduled refresh off (POST /api/v1/search/refresh still works).
     */
    public record Search(@NotNull @DefaultValue("10m") Duration refreshInterval) {}

    /** Flink's SQL Gateway REST protocol endpoint. */
    public record Gateway(
            @NotBlank @DefaultValue("127.0.0.1") String address,
            @Min(1) @Max(65535) @DefaultValue("8083") int port,
            @DefaultValue("true") boolean warmUp,
            @NotNull @DefaultValue("30m") Duration sessionIdleTimeout,
            @Min(1) @DefaultValue("1000") int maxSessions,
            @NotNull @DefaultValue Map<String, String> sessionDefaults,
            /** Queries on the embedded cluster send their rows through a result channel (else Flink's collect sink). */
            @DefaultValue("true") boolean resultChannels) {}
}
