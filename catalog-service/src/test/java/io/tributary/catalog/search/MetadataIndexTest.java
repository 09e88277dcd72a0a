package io.tributary.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.analysis.TablePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataIndexTest {

    private static final IndexedTable USERS = table("hive", "crm", "users", "Everyone who signed up", "hive",
            column("user_id", "BIGINT", "Unique id of the user"),
            column("email", "STRING", null));
    private static final IndexedTable USER_EVENTS = table("default_catalog", "default_database", "user_events",
            null, "kafka", column("user_id", "BIGINT", null), column("event", "STRING", "what the user did"));
    private static final IndexedTable ORDERS = table("default_catalog", "sales", "orders", "Orders by customers",
            "jdbc", column("id", "BIGINT", null), column("customer_user", "STRING", "buyer"));
    private static final IndexedTable ACTIVE_USERS = new IndexedTable(
            new TablePath("default_catalog", "default_database", "active_users"), IndexedTable.ObjectKind.VIEW,
            Optional.empty(), Optional.empty(), List.of(new IndexedColumn("user_id", "BIGINT", Optional.empty())));

    @Test
    void ranksExactThenPrefixThenContainsNamesAndTablesBeforeColumns() {
        MetadataIndex index = indexOf(USERS, USER_EVENTS, ORDERS, ACTIVE_USERS);
        List<String> hits = describe(index.search(SearchRequest.of("users", 50)));
        assertThat(hits).containsExactly(
                "TABLE hive.crm.users NAME EXACT",
                "VIEW default_catalog.default_database.active_users NAME CONTAINS");

        assertThat(describe(index.search(SearchRequest.of("user", 50)))).containsExactly(
                "TABLE hive.crm.users NAME PREFIX",
                "TABLE default_catalog.default_database.user_events NAME PREFIX",
                "COLUMN hive.crm.users.user_id NAME PREFIX",
                "COLUMN default_catalog.default_database.user_events.user_id NAME PREFIX",
                "COLUMN default_catalog.default_database.active_users.user_id NAME PREFIX",
                "VIEW default_catalog.default_database.active_users NAME CONTAINS",
                "COLUMN default_catalog.sales.orders.customer_user NAME CONTAINS",
                "COLUMN default_catalog.default_database.user_events.event COMMENT EXACT");
    }

    @Test
    void findsCommentsAndConnectorsAfterNames() {
        MetadataIndex index = indexOf(USERS, USER_EVENTS, ORDERS);
        assertThat(describe(index.search(SearchRequest.of("KAFKA", 10))))
                .containsExactly("TABLE default_catalog.default_database.user_events CONNECTOR EXACT");
        assertThat(describe(index.search(SearchRequest.of("signed", 10))))
                .containsExactly("TABLE hive.crm.users COMMENT EXACT");
        assertThat(describe(index.search(SearchRequest.of("buy", 10))))
                .containsExactly("COLUMN default_catalog.sales.orders.customer_user COMMENT PREFIX");
        SearchHit column = index.search(SearchRequest.of("email", 10)).hits().get(0);
        assertThat(column.type()).contains("STRING");
        assertThat(column.connector()).contains("hive");
    }

    @Test
    void filtersByCatalogAndDatabaseAndNeedsEveryWord() {
        MetadataIndex index = indexOf(USERS, USER_EVENTS, ORDERS);
        assertThat(describe(index.search(new SearchRequest("user_id", Optional.of("hive"), Optional.empty(), 0, 10))))
                .containsExactly("COLUMN hive.crm.users.user_id NAME EXACT");
        assertThat(describe(index.search(new SearchRequest("id", Optional.empty(), Optional.of("sales"), 0, 10))))
                .containsExactly("COLUMN default_catalog.sales.orders.id NAME EXACT");
        assertThat(describe(index.search(SearchRequest.of("user_id events", 10))))
                .containsExactly("COLUMN default_catalog.default_database.user_events.user_id NAME EXACT");
        assertThat(index.search(SearchRequest.of("nothing-like-it", 10)).hits()).isEmpty();
    }

    @Test
    void pagesWithOffsetAndLimit() {
        MetadataIndex index = indexOf(USERS, USER_EVENTS, ORDERS, ACTIVE_USERS);
        List<String> all = describe(index.search(SearchRequest.of("user", 50)));
        SearchResults first = index.search(new SearchRequest("user", Optional.empty(), Optional.empty(), 0, 3));
        SearchResults second = index.search(new SearchRequest("user", Optional.empty(), Optional.empty(), 3, 3));
        SearchResults last = index.search(new SearchRequest("user", Optional.empty(), Optional.empty(), 6, 3));
        assertThat(first.more()).isTrue();
        assertThat(last.more()).isFalse();
        List<String> paged = new ArrayList<>(describe(first));
        paged.addAll(describe(second));
        paged.addAll(describe(last));
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void followsChangesAndRefreshesWithoutLosingNewerDdl() {
        MetadataIndex index = indexOf(USERS, USER_EVENTS);
        long mark = index.beginRefresh();
        // DDL while the refresh reads the catalog: a new table, a dropped one.
        index.put(ORDERS);
        index.remove(USER_EVENTS.path());
        // The refresh read the catalog before the DDL: it saw user_events, and not orders.
        index.replaceCatalog("default_catalog", List.of(USER_EVENTS), mark);
        assertThat(index.table(ORDERS.path())).contains(ORDERS);
        assertThat(index.table(USER_EVENTS.path())).isEmpty();

        // A later refresh is the truth again.
        index.replaceCatalog("default_catalog", List.of(ACTIVE_USERS), index.beginRefresh());
        assertThat(index.table(ORDERS.path())).isEmpty();
        assertThat(index.table(ACTIVE_USERS.path())).isPresent();
        assertThat(index.table(USERS.path())).as("other catalogs are untouched").isPresent();

        index.removeCatalog("hive");
        assertThat(index.catalogs()).containsExactly("default_catalog");
        assertThat(index.statistics()).isEqualTo(new MetadataIndex.Statistics(1, 1, index.statistics().terms()));
    }

    @Test
    void aReplacedTableIsFoundByItsNewDefinitionOnlyAndCompactionKeepsTheLiveOnes() {
        MetadataIndex index = new MetadataIndex();
        for (int i = 0; i < 30_000; i++) {
            index.put(table("c", "d", "t" + (i % 100), null, "datagen", column("version_" + i, "INT", null)));
        }
        assertThat(index.statistics().tables()).isEqualTo(100);
        assertThat(index.search(SearchRequest.of("version_29999", 10)).hits()).hasSize(1);
        assertThat(index.search(SearchRequest.of("version_0", 10)).hits()).isEmpty();
        assertThat(index.search(SearchRequest.of("t9", 500)).hits()).extracting(hit -> hit.table().table())
                .contains("t9", "t90", "t99");
    }

    private static MetadataIndex indexOf(IndexedTable... tables) {
        MetadataIndex index = new MetadataIndex();
        for (IndexedTable table : tables) {
            index.put(table);
        }
        return index;
    }

    private static List<String> describe(SearchResults results) {
        return results.hits().stream().map(MetadataIndexTest::describe).toList();
    }

    private static String describe(SearchHit hit) {
        String name = hit.table().catalog() + "." + hit.table().database() + "." + hit.table().table()
                + hit.column().map(column -> "." + column).orElse("");
        return hit.kind() + " " + name + " " + hit.field() + " " + hit.match();
    }

    static IndexedTable table(String catalog, String database, String name, String comment, String connector,
            IndexedColumn... columns) {
        return new IndexedTable(new TablePath(catalog, database, name), IndexedTable.ObjectKind.TABLE,
                Optional.ofNullable(comment), Optional.ofNullable(connector), List.of(columns));
    }

    static IndexedColumn column(String name, String type, String comment) {
        return new IndexedColumn(name, type, Optional.ofNullable(comment));
    }
}
