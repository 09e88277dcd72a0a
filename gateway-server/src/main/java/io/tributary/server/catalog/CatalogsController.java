package io.tributary.server.catalog;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.catalog.admin.CatalogAdministration;
import io.tributary.catalog.admin.CatalogBrowser;
import io.tributary.catalog.admin.CatalogChange;
import io.tributary.catalog.admin.TableDetails;
import io.tributary.catalog.admin.TableSummary;
import io.tributary.catalog.store.CatalogDefinition;
import io.tributary.catalog.store.StoredCatalogDefinition;
import io.tributary.server.impact.ImpactCheck;
import io.tributary.server.search.MetadataIndexMaintainer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalogs through the management API: the same store as CREATE/ALTER/DROP CATALOG in any session. Credentials
 * are never returned: the answer says which are set.
 */
@RestController
@RequestMapping("/api/v1/catalogs")
class CatalogsController {

    private final CatalogAdministration catalogs;
    private final CatalogBrowser browser;
    private final ImpactCheck impact;
    private final MetadataIndexMaintainer index;

    CatalogsController(CatalogAdministration catalogs, CatalogBrowser browser, ImpactCheck impact,
            MetadataIndexMaintainer index) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.browser = requireNonNull(browser, "browser is null");
        this.impact = requireNonNull(impact, "impact is null");
        this.index = requireNonNull(index, "index is null");
    }

    record Definition(String name, String type, String comment, Map<String, String> options) {}

    record Change(Map<String, String> set, List<String> reset, String comment, Long expectedVersion) {}

    record CatalogView(String name, String type, String comment, Map<String, String> options,
            Map<String, String> secrets, long version, Instant createdAt, Instant updatedAt) {

        static CatalogView of(StoredCatalogDefinition stored) {
            CatalogDefinition definition = stored.definition();
            Map<String, String> options = new TreeMap<>();
            Map<String, String> secrets = new TreeMap<>();
            definition.options().forEach((key, value) -> {
                if (value.secret()) {
                    secrets.put(key, value.value().isEmpty() ? "unset" : "set");
                } else {
                    options.put(key, value.value());
                }
            });
            return new CatalogView(definition.name(), definition.type(), definition.comment().orElse(null), options,
                    secrets, stored.version(), stored.createdAt(), stored.updatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "Every stored catalog (credentials not shown: 'secrets' says which are set)")
    List<CatalogView> list() {
        return catalogs.list().stream().map(CatalogView::of).toList();
    }

    @GetMapping("/{name}")
    CatalogView get(@PathVariable String name) {
        return CatalogView.of(catalogs.get(name));
    }

    @PostMapping
    @Operation(summary = "Create a catalog: stored only once Flink has opened it")
    ResponseEntity<CatalogView> create(@RequestBody Definition body) {
        StoredCatalogDefinition stored = catalogs.create(body.name(), body.type(),
                Optional.ofNullable(body.comment()), body.options());
        return ResponseEntity.status(HttpStatus.CREATED).body(CatalogView.of(stored));
    }

    @PostMapping("/test")
    @Operation(summary = "Test a definition: can Flink open it? Nothing is stored")
    Map<String, Object> test(@RequestBody Definition body) {
        String name = body.name() == null || body.name().isBlank() ? "connection_test" : body.name();
        catalogs.test(name, body.type(), body.options());
        return Map.of("name", name, "opened", true);
    }

    @PatchMapping("/{name}")
    @Operation(summary = "Alter: set and reset options, change the comment (optionally only at expectedVersion);"
            + " refused (409) while running managed jobs use the catalog, unless ?force=true")
    CatalogView alter(@PathVariable String name, @RequestBody Change body,
            @RequestParam(defaultValue = "false") boolean force) {
        if (!force) {
            impact.checkCatalog(name, "ALTER CATALOG");
        }
        StoredCatalogDefinition stored = catalogs.alter(name, new CatalogChange(
                body.set() == null ? Map.of() : body.set(),
                body.reset() == null ? List.of() : body.reset(),
                Optional.ofNullable(body.comment()),
                Optional.ofNullable(body.expectedVersion())));
        browser.forget(name);
        index.catalogChanged(name);
        return CatalogView.of(stored);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Drop: refused (409) while running managed jobs use the catalog, unless ?force=true")
    ResponseEntity<Void> drop(@PathVariable String name, @RequestParam(defaultValue = "false") boolean force) {
        if (!force) {
            impact.checkCatalog(name, "DROP CATALOG");
        }
        catalogs.drop(name);
        browser.forget(name);
        index.catalogDropped(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}/databases")
    List<String> databases(@PathVariable String name) {
        return browser.databases(name);
    }

    @GetMapping("/{name}/databases/{database}/tables")
    @Operation(summary = "The tables and views of a database")
    List<TableSummary> tables(@PathVariable String name, @PathVariable String database) {
        return browser.tables(name, database);
    }

    @GetMapping("/{name}/databases/{database}/tables/{table}")
    @Operation(summary = "A table's columns (type, nullability, primary key, comment), partition keys, watermarks,"
            + " options")
    TableDetails table(@PathVariable String name, @PathVariable String database, @PathVariable String table) {
        return browser.table(name, database, table);
    }
}
