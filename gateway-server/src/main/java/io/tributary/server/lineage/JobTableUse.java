package io.tributary.server.lineage;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import io.tributary.lineage.TableFlow;
import java.util.Optional;
import java.util.Set;

/**
 * The tables a managed job's current version reads and writes (views expanded, and the views it reads through),
 * its flows from table to table, and the catalog its names resolve in; or why its statement could not be analysed.
 */
public record JobTableUse(String catalog, Set<TablePath> reads, Set<TablePath> writes, Set<TablePath> views,
        Set<TableFlow> flows, Optional<String> analysisError) {

    public JobTableUse {
        requireNonNull(catalog, "catalog is null");
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
        views = Set.copyOf(views);
        flows = Set.copyOf(flows);
        requireNonNull(analysisError, "analysisError is null");
    }

    /** Whether the job reads or writes the table, or reads through the view. */
    public boolean uses(TablePath table) {
        return reads.contains(table) || writes.contains(table) || views.contains(table);
    }

    public boolean usesDatabase(String catalogName, String database) {
        return anyTable(path -> path.catalog().equals(catalogName) && path.database().equals(database));
    }

    /** Whether any of its tables is in the catalog, or its names resolve there. */
    public boolean usesCatalog(String catalogName) {
        return catalog.equals(catalogName) || anyTable(path -> path.catalog().equals(catalogName));
    }

    private boolean anyTable(java.util.function.Predicate<TablePath> test) {
        return reads.stream().anyMatch(test) || writes.stream().anyMatch(test) || views.stream().anyMatch(test);
    }
}
