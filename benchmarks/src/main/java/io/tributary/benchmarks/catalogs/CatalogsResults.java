package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.report.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run of the catalogs benchmark measured, and the conditions it measured them in.
 *
 * @param sessionCycles by server: Tributary without catalogs, Tributary with them, stock Flink
 * @param catalogsSeen by server: how many catalogs {@code SHOW CATALOGS} listed in a new session
 * @param listings by way of listing (API, Tributary's SHOW TABLES, stock SHOW TABLES); the API's is missing when
 *     {@code apiUnavailable} says why
 */
public record CatalogsResults(
        Instant started,
        Duration elapsed,
        MachineInfo machine,
        String loadAverageAtEnd,
        CatalogsBenchmarkOptions options,
        String withoutCatalogs,
        String withCatalogs,
        String stock,
        Map<String, List<SessionCycle>> sessionCycles,
        List<CatalogCreation> creations,
        Map<String, Long> catalogsSeen,
        String listedCatalog,
        String listedDatabase,
        String api,
        String tributaryShowTables,
        String stockShowTables,
        Map<String, List<Listing>> listings,
        Optional<String> apiUnavailable) {

    public CatalogsResults {
        requireNonNull(started, "started is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(loadAverageAtEnd, "loadAverageAtEnd is null");
        requireNonNull(options, "options is null");
        requireNonNull(withoutCatalogs, "withoutCatalogs is null");
        requireNonNull(withCatalogs, "withCatalogs is null");
        requireNonNull(stock, "stock is null");
        sessionCycles = copy(requireNonNull(sessionCycles, "sessionCycles is null"));
        creations = List.copyOf(requireNonNull(creations, "creations is null"));
        catalogsSeen = Collections.unmodifiableMap(
                new LinkedHashMap<>(requireNonNull(catalogsSeen, "catalogsSeen is null")));
        requireNonNull(listedCatalog, "listedCatalog is null");
        requireNonNull(listedDatabase, "listedDatabase is null");
        requireNonNull(api, "api is null");
        requireNonNull(tributaryShowTables, "tributaryShowTables is null");
        requireNonNull(stockShowTables, "stockShowTables is null");
        listings = copy(requireNonNull(listings, "listings is null"));
        requireNonNull(apiUnavailable, "apiUnavailable is null");
        for (String server : List.of(withoutCatalogs, withCatalogs, stock)) {
            if (sessionCycles.getOrDefault(server, List.of()).isEmpty()) {
                throw new IllegalArgumentException("no session cycles of " + server);
            }
        }
        for (String way : List.of(tributaryShowTables, stockShowTables)) {
            if (listings.getOrDefault(way, List.of()).isEmpty()) {
                throw new IllegalArgumentException("no listings by " + way);
            }
        }
        if (apiUnavailable.isEmpty() == listings.getOrDefault(api, List.of()).isEmpty()) {
            throw new IllegalArgumentException("the API's listings are there exactly when the API is available");
        }
    }

    private static <T> Map<String, List<T>> copy(Map<String, List<T>> byName) {
        Map<String, List<T>> copy = new LinkedHashMap<>();
        byName.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
