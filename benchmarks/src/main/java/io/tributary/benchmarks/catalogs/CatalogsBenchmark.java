package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.benchmarks.Benchmark;
import io.tributary.benchmarks.Workspace;
import io.tributary.benchmarks.gateway.GatewayServer;
import io.tributary.benchmarks.gateway.GatewayServerLauncher;
import io.tributary.benchmarks.gateway.GatewaySession;
import io.tributary.benchmarks.gateway.ServerStarter;
import io.tributary.benchmarks.gateway.SqlGatewayClient;
import io.tributary.benchmarks.gateway.StartedServer;
import io.tributary.benchmarks.gateway.StockGatewayLauncher;
import io.tributary.benchmarks.gateway.TimedQueryRunner;
import io.tributary.benchmarks.gateway.TributaryServerLauncher;
import io.tributary.benchmarks.process.ChildProcesses;
import io.tributary.benchmarks.process.FreePorts;
import io.tributary.benchmarks.process.ScratchDirectories;
import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.benchmarks.report.ResultsFile;
import io.tributary.benchmarks.rest.JsonHttp;
import io.tributary.benchmarks.rest.ManagementApi;
import io.tributary.benchmarks.rest.TableListing;
import io.tributary.benchmarks.rounds.InterleavedRuns;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./tributary bench catalogs}: (a) what a session costs when the catalog store holds many catalogs (they
 * open lazily, so it should cost next to nothing), Tributary with none against Tributary with them, stock Flink's
 * gateway as baseline; (b) listing a JDBC catalog's tables through the management API against {@code SHOW TABLES}
 * in a gateway session. Prints a table and writes {@code benchmarks/results/catalogs-<date>.md}.
 */
public final class CatalogsBenchmark implements Benchmark {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration START_RETRY_INTERVAL = Duration.ofMillis(20);
    private static final int LISTING_WARM_UP_ROUNDS = 1;
    private static final String API = "Tributary management API";
    private static final String TRIBUTARY_SHOW_TABLES = "Tributary SHOW TABLES";

    private final Workspace workspace;
    private final ChildProcesses processes;
    private final ScratchDirectories scratch;
    private final ObjectMapper json;
    private final PrintStream out;

    public CatalogsBenchmark(Workspace workspace, ChildProcesses processes, ScratchDirectories scratch,
            ObjectMapper json, PrintStream out) {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.json = requireNonNull(json, "json is null");
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public String name() {
        return "catalogs";
    }

    @Override
    public String description() {
        return "sessions with many stored catalogs vs none; listing a JDBC catalog's tables, API vs SHOW TABLES";
    }

    @Override
    public String usage() {
        return CatalogsBenchmarkOptions.USAGE;
    }

    @Override
    public void run(List<String> arguments) throws Exception {
        CatalogsBenchmarkOptions options = CatalogsBenchmarkOptions.parse(arguments);
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        MachineInfo machine = MachineInfo.current();

        HttpClient http = SqlGatewayClient.newHttpClient(CONNECT_TIMEOUT);
        SqlGatewayClient client = new SqlGatewayClient(http, json, REQUEST_TIMEOUT);
        JsonHttp rest = new JsonHttp(http, json, REQUEST_TIMEOUT);
        TimedQueryRunner runner = new TimedQueryRunner(options.pollInterval(), QUERY_TIMEOUT);
        ServerStarter starter = new ServerStarter(client, runner, START_TIMEOUT, START_RETRY_INTERVAL);
        FreePorts ports = new FreePorts(InetAddress.getByName("127.0.0.1"));
        List<GatewayServerLauncher> launchers = List.of(
                new TributaryServerLauncher("Tributary, no catalogs", workspace, processes, scratch, ports),
                new TributaryServerLauncher("Tributary, " + options.catalogs() + " catalogs", workspace, processes,
                        scratch, ports),
                new StockGatewayLauncher(workspace, processes, scratch, ports));

        out.printf("Catalogs benchmark on %d cores (load average %s)%n", machine.cores(), machine.loadAverage());
        Measurements measured;
        try (PostgresBenchmarkDatabase postgres =
                PostgresBenchmarkDatabase.create(options.postgresPort(), options.postgresUser(), options.tables())) {
            PostgresConnection database = postgres.connection();
            out.printf("  PostgreSQL: database and role %s with %d tables at %s%n", database.database(),
                    options.tables(), database.baseUrl());
            List<StartedServer> servers = new ArrayList<>();
            try {
                for (GatewayServerLauncher launcher : launchers) {
                    StartedServer server = starter.start(launcher);
                    servers.add(server);
                    out.printf("  %s answered its first query %.1f s after launch%n", launcher.name(),
                            server.launchToFirstRow().toMillis() / 1000.0);
                }
                measured = measure(options, client, rest, runner, database,
                        servers.stream().map(StartedServer::server).toList());
            } finally {
                for (StartedServer server : servers) {
                    server.server().process().stop(ChildProcesses.STOP_GRACE);
                }
            }
        }
        CatalogsResults results = new CatalogsResults(started, Duration.ofNanos(System.nanoTime() - startedNanos),
                machine, MachineInfo.currentLoadAverage(), options, measured.withoutCatalogs(),
                measured.withCatalogs(), measured.stock(), measured.cycles(), measured.creations(),
                measured.catalogsSeen(), measured.listedCatalog(), measured.listedDatabase(), API,
                TRIBUTARY_SHOW_TABLES, measured.stock() + " SHOW TABLES", measured.listings(),
                measured.apiUnavailable());
        CatalogsReport report = new CatalogsReport(results);
        out.print(report.text());
        Path file = ResultsFile.write(workspace.resultsDirectory(), name(), started, report.markdown());
        out.println();
        out.println("Results written to " + workspace.root().relativize(file));
    }

    private Measurements measure(CatalogsBenchmarkOptions options, SqlGatewayClient client, JsonHttp rest, TimedQueryRunner runner, PostgresConnection database,
            List<GatewayServer> servers) throws IOException, InterruptedException {
        GatewayServer without = servers.get(0);
        GatewayServer with = servers.get(1);
        GatewayServer stock = servers.get(2);

        List<CatalogStatements.CatalogDefinition> catalogs =
                CatalogStatements.catalogs(options.catalogs(), options.jdbcCatalogs(), database);
        out.printf("Defining %d catalogs on \"%s\" through one session%n", catalogs.size(), with.name());
        List<CatalogCreation> creations = new ArrayList<>();
        GatewaySession definer = client.openSession(with.endpoint());
        try {
            for (CatalogStatements.CatalogDefinition catalog : catalogs) {
                long start = System.nanoTime();
                runner.execute(definer, catalog.createStatement());
                creations.add(new CatalogCreation(catalog.name(), catalog.type(),
                        Duration.ofNanos(System.nanoTime() - start)));
            }
        } finally {
            definer.close();
        }
        Map<String, Long> catalogsSeen = new LinkedHashMap<>();
        for (GatewayServer server : servers) {
            GatewaySession session = client.openSession(server.endpoint());
            try {
                catalogsSeen.put(server.name(), runner.execute(session, "SHOW CATALOGS"));
            } finally {
                session.close();
            }
        }

        out.printf("Session cycles: %d warm-up rounds, then %d measured rounds on 3 servers%n",
                options.warmUpRounds(), options.iterations());
        Map<String, List<SessionCycle>> cycles = new InterleavedRuns(options.warmUpRounds(), options.iterations(), out)
                .run("session open + " + SessionCycleContender.QUERY, servers.stream()
                        .map(server -> new SessionCycleContender(server.name(), client, runner, server.endpoint()))
                        .toList());

        String listedCatalog = catalogs.get(catalogs.size() - options.jdbcCatalogs()).name();
        ApiListingContender api = new ApiListingContender(API,
                new ManagementApi(rest, with.requireManagementEndpoint()), listedCatalog, database.database());
        GatewaySession ours = client.openSession(with.endpoint());
        GatewaySession theirs = client.openSession(stock.endpoint());
        Map<String, List<Listing>> listings;
        Optional<String> apiUnavailable;
        try {
            runner.execute(ours, "USE CATALOG " + listedCatalog);
            runner.execute(theirs, CatalogStatements.jdbcCatalog(listedCatalog, database));
            runner.execute(theirs, "USE CATALOG " + listedCatalog);
            TableListing probe = api.probe();
            apiUnavailable = probe.available() ? Optional.empty() : Optional.of(probe.detail());
            apiUnavailable.ifPresent(detail -> out.printf("  the management API's table listing is %s (%s)%n",
                    CatalogsReport.NOT_AVAILABLE, detail));
            List<InterleavedRuns.Contender<Listing>> ways = new ArrayList<>();
            if (probe.available()) {
                ways.add(api);
            }
            ways.add(new ShowTablesContender(TRIBUTARY_SHOW_TABLES, runner, ours));
            ways.add(new ShowTablesContender(stock.name() + " SHOW TABLES", runner, theirs));
            out.printf("Listing the tables of %s: %d warm-up round, then %d measured rounds%n", listedCatalog,
                    LISTING_WARM_UP_ROUNDS, options.listIterations());
            listings = new InterleavedRuns(LISTING_WARM_UP_ROUNDS, options.listIterations(), out)
                    .run("listing tables", ways);
        } finally {
            ours.close();
            theirs.close();
        }
        return new Measurements(without.name(), with.name(), stock.name(), cycles, creations, catalogsSeen,
                listedCatalog, database.database(), listings, apiUnavailable);
    }

    /** What {@link #measure} found, before the run's conditions are added to it. */
    private record Measurements(
            String withoutCatalogs,
            String withCatalogs,
            String stock,
            Map<String, List<SessionCycle>> cycles,
            List<CatalogCreation> creations,
            Map<String, Long> catalogsSeen,
            String listedCatalog,
            String listedDatabase,
            Map<String, List<Listing>> listings,
            Optional<String> apiUnavailable) {}
}
