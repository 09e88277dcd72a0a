package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.rest.ManagementApi;
import io.tributary.benchmarks.rest.TableListing;
import io.tributary.benchmarks.rounds.InterleavedRuns;
import java.io.IOException;
import java.time.Duration;

/** {@code GET /api/v1/catalogs/{catalog}/databases/{database}/tables}, timed until the whole answer is in. */
final class ApiListingContender implements InterleavedRuns.Contender<Listing> {

    private final String name;
    private final ManagementApi management;
    private final String catalog;
    private final String database;

    ApiListingContender(String name, ManagementApi management, String catalog, String database) {
        this.name = requireNonNull(name, "name is null");
        this.management = requireNonNull(management, "management is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.database = requireNonNull(database, "database is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Listing runOnce(int run) throws IOException, InterruptedException {
        long start = System.nanoTime();
        TableListing listing = management.listTables(catalog, database);
        long end = System.nanoTime();
        if (!listing.available()) {
            throw new IOException("the table listing of the management API stopped answering: "
                    + listing.detail());
        }
        return new Listing(Duration.ofNanos(end - start), listing.tables().getAsInt());
    }

    /** One untimed call: whether this build has the endpoint at all. */
    TableListing probe() throws IOException, InterruptedException {
        return management.listTables(catalog, database);
    }
}
