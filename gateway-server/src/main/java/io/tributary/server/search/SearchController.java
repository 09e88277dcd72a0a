package io.tributary.server.search;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.catalog.search.MetadataIndex;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.secret.SecretRedactor;
import io.tributary.catalog.search.SearchHit;
import io.tributary.catalog.search.SearchRequest;
import io.tributary.catalog.search.SearchResults;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search over the names, comments and connector types of every table, view and column of every catalog. */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    private final MetadataIndexMaintainer maintainer;
    private final SecretRedactor redactor;

    SearchController(MetadataIndexMaintainer maintainer, SecretOptionPolicy secrets) {
        this.maintainer = requireNonNull(maintainer, "maintainer is null");
        this.redactor = new SecretRedactor(secrets);
    }

    record Hit(String kind, String catalog, String database, String table, String column, String type,
            String comment, String connector, String matchedOn, String match) {

        static Hit of(SearchHit hit) {
            return new Hit(hit.kind().name(), hit.table().catalog(), hit.table().database(), hit.table().table(),
                    hit.column().orElse(null), hit.type().orElse(null), hit.comment().orElse(null),
                    hit.connector().orElse(null), hit.field().name(), hit.match().name());
        }
    }

    record Answer(String query, List<Hit> results, boolean more, int offset, int limit, Index index) {}

    record Index(int tables, long columns, Instant lastRefresh) {}

    @GetMapping
    @Operation(summary = "Tables, views and columns by name, comment or connector type: exact names first, then"
            + " prefixes, then names containing the words; tables before columns")
    Answer search(@RequestParam(name = "q", required = false) String query,
            @RequestParam(required = false) String catalog, @RequestParam(required = false) String database,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
        SearchRequest request;
        try {
            request = new SearchRequest(query == null ? "" : query, blankToEmpty(catalog), blankToEmpty(database),
                    offset, limit);
        } catch (IllegalArgumentException e) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        MetadataIndex index = maintainer.index();
        SearchResults results = index.search(request);
        MetadataIndex.Statistics statistics = index.statistics();
        return new Answer(request.query(), results.hits().stream().map(Hit::of).toList(), results.more(), offset,
                limit, new Index(statistics.tables(), statistics.columns(),
                        maintainer.lastRefresh().map(MetadataIndexMaintainer.RefreshReport::startedAt).orElse(null)));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Read every stored catalog (or only ?catalog=name) into the index now; answers when done")
    Map<String, Object> refresh(@RequestParam(required = false) String catalog) {
        MetadataIndexMaintainer.RefreshReport report = catalog == null || catalog.isBlank()
                ? maintainer.refreshAll()
                : maintainer.refreshCatalog(catalog.strip());
        Map<String, String> failures = new java.util.TreeMap<>();
        report.failures().forEach((name, failure) -> failures.put(name, redactor.redact(failure)));
        return Map.of("startedAt", report.startedAt(), "tookMillis", report.took().toMillis(),
                "tables", report.tablesByCatalog(), "failures", failures);
    }

    private static Optional<String> blankToEmpty(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
