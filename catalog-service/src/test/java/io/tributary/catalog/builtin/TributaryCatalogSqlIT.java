package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code tributary} catalog from Flink SQL: what one session creates, another session sees at once and can
 * query (on a real Flink cluster in the test's JVM), and everything is still there after the server restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TributaryCatalogSqlIT {

    private static final String CREATE_CATALOG = "CREATE CATALOG c WITH ('type' = 'tributary')";

    private final LocalFlinkCluster cluster = LocalFlinkCluster.start();

    @AfterAll
    void stopCluster() throws Exception {
        cluster.close();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void whatOneSessionCreatesEverySessionSeesAndARestartKeeps(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            try (ServerConnection server = ServerConnection.to(database);
                    BuiltinCatalogRegistry.Registration registration =
                            BuiltinCatalogRegistry.register("metadata", server.dsl())) {
                TableEnvironment first = Sessions.batch(cluster);
                TableEnvironment second = Sessions.batch(cluster);
                first.executeSql(CREATE_CATALOG);
                first.executeSql("USE CATALOG c");
                first.executeSql("CREATE TABLE gen (id INT, name STRING, ts TIMESTAMP(3), "
                        + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id) NOT ENFORCED) "
                        + "COMMENT 'x' WITH ('connector' = 'datagen', 'number-of-rows' = '10')");
                first.executeSql("CREATE VIEW gen_names COMMENT 'names only' AS SELECT id, name FROM gen");
                first.executeSql("CREATE FUNCTION shout AS '" + ShoutFunction.class.getName() + "'");

                second.executeSql(CREATE_CATALOG);
                assertThat(Sessions.names(second, "SHOW TABLES FROM c.`default`"))
                        .containsExactlyInAnyOrder("gen", "gen_names");
                assertThat(Sessions.single(second, "SELECT COUNT(*) FROM c.`default`.gen")).isEqualTo(10L);
                assertThat(Sessions.single(second, "SELECT COUNT(*) FROM c.`default`.gen_names")).isEqualTo(10L);
                List<Row> described = Sessions.rows(second, "DESCRIBE c.`default`.gen");
                assertThat(column(described, "id")).get().satisfies(id -> assertThat(id.getField(3))
                        .isEqualTo("PRI(id)"));
                assertThat(column(described, "ts")).get().satisfies(ts -> assertThat(ts.getField(5))
                        .isEqualTo("`ts` - INTERVAL '1' SECOND"));
                assertThat(Sessions.single(second, "SHOW CREATE TABLE c.`default`.gen").toString())
                        .contains("COMMENT 'x'", "'number-of-rows' = '10'");
                second.executeSql("USE CATALOG c");
                assertThat(Sessions.names(second, "SHOW VIEWS")).containsExactly("gen_names");
                assertThat(Sessions.names(second, "SHOW USER FUNCTIONS")).contains("shout");
                assertThat(Sessions.single(second, "SELECT shout('quiet')")).isEqualTo("QUIET!");

                first.executeSql("CREATE TABLE gen_copy WITH ('number-of-rows' = '3') LIKE gen");
                first.executeSql("ALTER TABLE gen ADD note STRING COMMENT 'added later'");
                assertThat(Sessions.single(second, "SELECT COUNT(*) FROM gen_copy")).isEqualTo(3L);
                assertThat(column(Sessions.rows(second, "DESCRIBE gen_copy"), "id")).get()
                        .satisfies(id -> assertThat(id.getField(3)).isEqualTo("PRI(id)"));
                assertThat(column(Sessions.rows(second, "DESCRIBE gen"), "note")).isPresent();
                assertThat(Sessions.single(second, "SELECT COUNT(note) FROM gen")).isEqualTo(10L);

                second.executeSql("ALTER TABLE gen_copy RENAME TO gen_small");
                assertThat(Sessions.names(first, "SHOW TABLES")).containsExactlyInAnyOrder("gen", "gen_names",
                        "gen_small");
                first.executeSql("DROP TABLE gen_small");
                assertThat(Sessions.names(second, "SHOW TABLES")).containsExactlyInAnyOrder("gen", "gen_names");
            }

            // A restart: a new server, with a new connection to the same metadata database, and a new session.
            try (ServerConnection server = ServerConnection.to(database);
                    BuiltinCatalogRegistry.Registration registration =
                            BuiltinCatalogRegistry.register("metadata", server.dsl())) {
                TableEnvironment afterRestart = Sessions.batch(cluster);
                afterRestart.executeSql(CREATE_CATALOG);
                afterRestart.executeSql("USE CATALOG c");
                assertThat(Sessions.names(afterRestart, "SHOW TABLES")).containsExactlyInAnyOrder("gen", "gen_names");
                assertThat(Sessions.single(afterRestart, "SELECT COUNT(*) FROM gen_names")).isEqualTo(10L);
                assertThat(Sessions.single(afterRestart, "SELECT COUNT(note) FROM gen")).isEqualTo(10L);
                assertThat(Sessions.single(afterRestart, "SELECT shout(name) IS NOT NULL FROM gen LIMIT 1"))
                        .isEqualTo(true);
                afterRestart.executeSql("DROP VIEW gen_names");
                afterRestart.executeSql("DROP FUNCTION shout");
                afterRestart.executeSql("DROP TABLE gen");
                assertThat(Sessions.names(afterRestart, "SHOW TABLES")).isEmpty();
                assertThat(Sessions.names(afterRestart, "SHOW USER FUNCTIONS")).doesNotContain("shout");
            }
        }
    }

    private static Optional<Row> column(List<Row> described, String name) {
        return described.stream().filter(row -> name.equals(row.getField(0))).findFirst();
    }
}
