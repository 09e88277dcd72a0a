package io.tributary.benchmarks.catalogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tributary.benchmarks.report.Goal;
import io.tributary.benchmarks.report.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CatalogsReportTest {

    private static final String NONE = "Tributary, no catalogs";
    private static final String MANY = "Tributary, 20 catalogs";
    private static final String STOCK = "Stock Flink";
    private static final String API = "Tributary management API";
    private static final String OURS = "Tributary SHOW TABLES";
    private static final String THEIRS = "Stock Flink SHOW TABLES";

    @Test
    void theGoalComparesSessionsWithAndWithoutCatalogs() {
        CatalogsReport within = new CatalogsReport(results(cycles(100, 100), cycles(105, 150), Optional.empty()));
        CatalogsReport beyond = new CatalogsReport(results(cycles(100, 100), cycles(120, 130), Optional.empty()));

        assertThat(within.goals()).extracting(Goal::measured, Goal::verdict).containsExactly(tuple("1.05x", "PASS"));
        assertThat(beyond.goals()).extracting(Goal::measured, Goal::verdict).containsExactly(tuple("1.20x", "MISS"));
        assertThat(within.notes()).singleElement().asString()
                .contains("Including the session close, 20 catalogs / none is 1.45x");
    }

    @Test
    void aMissingListingEndpointIsReportedNotFailed() {
        CatalogsReport report = new CatalogsReport(results(cycles(100, 100), cycles(100, 100),
                Optional.of("HTTP 404: NOT_FOUND: no such resource: /api/v1/catalogs/c16/databases/db/tables")));

        assertThat(report.text()).contains("Tributary management API  not available in this build");
        assertThat(report.markdown()).contains("| Tributary management API | not available in this build |",
                "## Notes", "Rerun once the endpoint is merged", "| Stock Flink SHOW TABLES | 20.0 | 20.0 | 20.0 | 200 | 0.50x |",
                "| SHOW CATALOGS in a new session: Tributary, 20 catalogs | 21 |  |  |");
    }

    @Test
    void anAvailableEndpointIsComparedWithShowTables() {
        Map<String, List<Listing>> listings = new LinkedHashMap<>();
        listings.put(API, List.of(listing(10, 200)));
        listings.put(OURS, List.of(listing(40, 200)));
        listings.put(THEIRS, List.of(listing(20, 199)));
        CatalogsReport report = new CatalogsReport(results(cycles(100, 100), cycles(100, 100), listings,
                Optional.empty()));

        assertThat(report.markdown()).contains("| Tributary management API | 10.0 | 10.0 | 10.0 | 200 | 0.25x |")
                .doesNotContain("not available");
        assertThat(report.notes()).singleElement().asString().contains("did not name the same number of tables");
    }

    private static CatalogsResults results(List<SessionCycle> none, List<SessionCycle> many,
            Optional<String> apiUnavailable) {
        Map<String, List<Listing>> listings = new LinkedHashMap<>();
        if (apiUnavailable.isEmpty()) {
            listings.put(API, List.of(listing(10, 200)));
        }
        listings.put(OURS, List.of(listing(40, 200)));
        listings.put(THEIRS, List.of(listing(20, 200)));
        return results(none, many, listings, apiUnavailable);
    }

    private static CatalogsResults results(List<SessionCycle> none, List<SessionCycle> many,
            Map<String, List<Listing>> listings, Optional<String> apiUnavailable) {
        MachineInfo machine = new MachineInfo(2, "Test CPU", 4L << 30, "OpenJDK 17", "Linux", "0.10 0.20 0.30");
        Map<String, List<SessionCycle>> cycles = new LinkedHashMap<>();
        cycles.put(NONE, none);
        cycles.put(MANY, many);
        cycles.put(STOCK, cycles(90, 90));
        Map<String, Long> seen = new LinkedHashMap<>();
        seen.put(NONE, 1L);
        seen.put(MANY, 21L);
        seen.put(STOCK, 1L);
        return new CatalogsResults(Instant.parse("2026-11-24T12:00:00Z"), Duration.ofSeconds(100), machine,
                "0.40 0.50 0.60", CatalogsBenchmarkOptions.DEFAULTS, NONE, MANY, STOCK, cycles,
                List.of(new CatalogCreation("c01", "generic_in_memory", Duration.ofMillis(30)),
                        new CatalogCreation("c20", "jdbc", Duration.ofMillis(90))),
                seen, "c16", "db", API, OURS, THEIRS, listings, apiUnavailable);
    }

    /** Cycles whose first row comes after {@code firstRowMillis} and whose close after 10 ms more, plus extra. */
    private static List<SessionCycle> cycles(long firstRowMillis, long closeMillis) {
        return LongStream.of(firstRowMillis, firstRowMillis).mapToObj(millis -> new SessionCycle(
                Duration.ofMillis(millis), Duration.ofMillis(millis + 10 + (closeMillis - firstRowMillis))))
                .toList();
    }

    private static Listing listing(long millis, long tables) {
        return new Listing(Duration.ofMillis(millis), tables);
    }
}
