package io.tributary.server.search;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.ObjectReference;
import io.tributary.analysis.ObjectType;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.TableReference;
import io.tributary.catalog.search.CatalogIndexLoader;
import io.tributary.catalog.search.IndexedTable;
import io.tributary.catalog.search.MetadataIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link MetadataIndex} true to the catalogs: it follows DDL that ran through the gateway at once (the
 * table as its catalog has it right after the statement), and re-reads every stored catalog — the external ones
 * change behind the server's back — on a schedule and on demand.
 */
public final class MetadataIndexMaintainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataIndexMaintainer.class);

    /** DDL after which the tables it names are read again (or found gone). */
    private static final Set<StatementKind> TABLE_DDL = EnumSet.of(StatementKind.CREATE_TABLE,
            StatementKind.CREATE_TABLE_AS, StatementKind.REPLACE_TABLE_AS, StatementKind.ALTER_TABLE,
            StatementKind.DROP_TABLE, StatementKind.CREATE_VIEW, StatementKind.ALTER_VIEW, StatementKind.DROP_VIEW,
            StatementKind.CREATE_MATERIALIZED_TABLE, StatementKind.ALTER_MATERIALIZED_TABLE,
            StatementKind.DROP_MATERIALIZED_TABLE);

    private final MetadataIndex index;
    private final CatalogIndexLoader loader;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-metadata-index");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Optional<RefreshReport> lastRefresh = Optional.empty();

    public MetadataIndexMaintainer(MetadataIndex index, CatalogIndexLoader loader, Clock clock) {
        this.index = requireNonNull(index, "index is null");
        this.loader = requireNonNull(loader, "loader is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** What a refresh did: the catalogs read, how many tables they hold, those that failed and why. */
    public record RefreshReport(Instant startedAt, Duration took, Map<String, Integer> tablesByCatalog,
            Map<String, String> failures) {
        public RefreshReport {
            tablesByCatalog = Map.copyOf(tablesByCatalog);
            failures = Map.copyOf(failures);
        }
    }

    /** Follows a statement that finished in a gateway session. */
    public void statementFinished(StatementAnalysis analysis) {
        StatementKind kind = analysis.kind();
        Optional<ObjectReference> target = analysis.target();
        if (target.isPresent() && target.get().temporary()) {
            return;
        }
        if (TABLE_DDL.contains(kind)) {
            Set<TablePath> tables = new LinkedHashSet<>();
            target.filter(object -> object.names().size() == 3)
                    .map(object -> new TablePath(object.names().get(0), object.names().get(1), object.names().get(2)))
                    .ifPresent(tables::add);
            analysis.writes().stream().map(TableReference::path).forEach(tables::add);
            tables.forEach(this::reread);
        } else if (kind == StatementKind.DROP_DATABASE && isA(target, ObjectType.DATABASE)) {
            index.removeDatabase(target.get().names().get(0), target.get().names().get(1));
        } else if (kind == StatementKind.DROP_CATALOG && isA(target, ObjectType.CATALOG)) {
            index.removeCatalog(target.get().names().get(0));
        } else if ((kind == StatementKind.CREATE_CATALOG || kind == StatementKind.ALTER_CATALOG)
                && isA(target, ObjectType.CATALOG)) {
            catalogChanged(target.get().names().get(0));
        }
    }

    private static boolean isA(Optional<ObjectReference> target, ObjectType type) {
        return target.isPresent() && target.get().type() == type;
    }

    private void reread(TablePath path) {
        Optional<IndexedTable> table = loader.readTable(path);
        if (table.isPresent()) {
            index.put(table.get());
        } else {
            index.remove(path);
        }
    }

    /** A catalog was created or changed (by DDL or the catalogs API): it is read again in the background. */
    public void catalogChanged(String catalog) {
        try {
            background.execute(() -> refreshCatalog(catalog));
        } catch (RejectedExecutionException stopping) {
            // The server stops.
        }
    }

    /** A catalog was dropped through the catalogs API. */
    public void catalogDropped(String catalog) {
        index.removeCatalog(catalog);
    }

    /** Reads every stored catalog again, and forgets catalogs that are no longer stored. One refresh at a time. */
    public synchronized RefreshReport refreshAll() {
        Instant start = clock.instant();
        Set<String> stored = loader.catalogNames();
        for (String indexed : index.catalogs()) {
            if (!stored.contains(indexed)) {
                index.removeCatalog(indexed);
            }
        }
        Map<String, Integer> tables = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String catalog : stored.stream().sorted().toList()) {
            refreshOne(catalog, tables, failures);
        }
        RefreshReport report = new RefreshReport(start, Duration.between(start, clock.instant()), tables, failures);
        lastRefresh = Optional.of(report);
        LOG.info("Metadata index refreshed: {} tables in {} catalogs in {} ms{}",
                tables.values().stream().mapToInt(Integer::intValue).sum(), tables.size(), report.took().toMillis(),
                failures.isEmpty() ? "" : "; not read: " + failures.keySet());
        return report;
    }

    /** Reads one catalog again. */
    public synchronized RefreshReport refreshCatalog(String catalog) {
        Instant start = clock.instant();
        Map<String, Integer> tables = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        refreshOne(catalog, tables, failures);
        return new RefreshReport(start, Duration.between(start, clock.instant()), tables, failures);
    }

    private void refreshOne(String catalog, Map<String, Integer> tables, Map<String, String> failures) {
        long mark = index.beginRefresh();
        try {
            Optional<List<IndexedTable>> read = loader.readCatalog(catalog);
            if (read.isEmpty()) {
                index.removeCatalog(catalog);
                return;
            }
            index.replaceCatalog(catalog, read.get(), mark);
            tables.put(catalog, read.get().size());
        } catch (RuntimeException e) {
            // An unreachable catalog keeps what the index knew of it.
            failures.put(catalog, e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.warn("Catalog {} could not be read for the metadata index: {}", catalog, e.toString());
        }
    }

    public Optional<RefreshReport> lastRefresh() {
        return lastRefresh;
    }

    public MetadataIndex index() {
        return index;
    }

    @Override
    public void close() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }
}
