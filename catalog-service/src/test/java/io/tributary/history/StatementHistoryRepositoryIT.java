package io.tributary.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import io.tributary.lineage.LineageEdge;
import io.tributary.lineage.LineageVia;
import io.tributary.lineage.StatementLineageRepository;
import io.tributary.lineage.TableFlow;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The statement history and the statements' lineage on both kinds of metadata database: H2 and MariaDB. */
class StatementHistoryRepositoryIT {

    private static final TablePath ORDERS = new TablePath("cat", "db", "orders");
    private static final TablePath SINK = new TablePath("cat", "db", "sink");
    private static final TablePath LONG_NAMED = new TablePath("cat", "db", "t".repeat(300));
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void storesEndsAndFiltersStatementsNewestFirst(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            StatementHistoryRepository history = new StatementHistoryRepository(database.dsl());
            StatementRecord insert = running("op-1", "alice", StatementKind.INSERT, Set.of(ORDERS), Set.of(SINK),
                    T0);
            StatementRecord query = running("op-2", "bob", StatementKind.QUERY, Set.of(ORDERS), Set.of(),
                    T0.plusSeconds(1));
            StatementRecord unanalysed = new StatementRecord("op-3", "session-2", Optional.empty(), "rest/V1",
                    Optional.empty(), "SELEC 1", Optional.empty(), Optional.of("SYNTAX_ERROR: ..."), "cat", "db",
                    Set.of(), Set.of(LONG_NAMED), StatementStatus.RUNNING, T0.plusSeconds(2), Optional.empty(),
                    OptionalLong.empty(), Optional.empty(), Optional.empty());
            history.insert(insert);
            history.insert(query);
            history.insert(unanalysed);

            StatementEnd finished = new StatementEnd(StatementStatus.FINISHED, T0.plusSeconds(5), OptionalLong.of(42),
                    Optional.empty(), Optional.empty());
            assertThat(history.end("op-2", finished)).isTrue();
            assertThat(history.end("op-2", new StatementEnd(StatementStatus.CANCELED, T0.plusSeconds(6),
                    OptionalLong.empty(), Optional.empty(), Optional.empty()))).as("ended once").isFalse();
            assertThat(history.end("op-3", new StatementEnd(StatementStatus.ERROR, T0.plusSeconds(3),
                    OptionalLong.empty(), Optional.empty(), Optional.of("parse error")))).isTrue();
            assertThat(history.setFlinkJobId("op-1", "a".repeat(32))).isTrue();
            assertThat(history.setFlinkJobId("op-1", "b".repeat(32))).as("first job id wins").isFalse();
            assertThat(history.end("missing", finished)).isFalse();

            assertThat(history.find("op-2")).get().satisfies(found -> {
                assertThat(found.status()).isEqualTo(StatementStatus.FINISHED);
                assertThat(found.rows()).hasValue(42);
                assertThat(found.endedAt()).contains(T0.plusSeconds(5));
                assertThat(found.reads()).containsExactly(ORDERS);
                assertThat(found.user()).contains("bob");
                assertThat(found.kind()).contains(StatementKind.QUERY);
            });
            assertThat(history.find("op-1")).get().satisfies(found -> {
                assertThat(found.flinkJobId()).contains("a".repeat(32));
                assertThat(found.writes()).containsExactly(SINK);
                assertThat(found.status()).isEqualTo(StatementStatus.RUNNING);
            });
            assertThat(history.find("op-3")).get().satisfies(found -> {
                assertThat(found.kind()).isEmpty();
                assertThat(found.analysisError()).contains("SYNTAX_ERROR: ...");
                assertThat(found.error()).contains("parse error");
                assertThat(found.writes()).as("names longer than the column are cut")
                        .containsExactly(new TablePath("cat", "db", "t".repeat(256)));
            });

            assertThat(ids(history.search(StatementFilter.all(10)))).containsExactly("op-3", "op-2", "op-1");
            assertThat(ids(history.search(StatementFilter.all(10).withUser("alice")))).containsExactly("op-1");
            assertThat(ids(history.search(StatementFilter.all(10).withTable(ORDERS))))
                    .containsExactly("op-2", "op-1");
            assertThat(ids(history.search(StatementFilter.all(10).withTable(SINK)))).containsExactly("op-1");
            assertThat(ids(history.search(StatementFilter.all(10).withKind(StatementKind.QUERY))))
                    .containsExactly("op-2");
            assertThat(ids(history.search(StatementFilter.all(10).withStatus(StatementStatus.ERROR))))
                    .containsExactly("op-3");
            assertThat(ids(history.search(StatementFilter.all(10)
                    .between(Optional.of(T0.plusSeconds(1)), Optional.of(T0.plusSeconds(2))))))
                    .containsExactly("op-2");
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void pagesWithACursorThatStaysValidWhileStatementsArrive(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            StatementHistoryRepository history = new StatementHistoryRepository(database.dsl());
            for (int i = 0; i < 7; i++) {
                // Two statements per millisecond: the id breaks the tie.
                history.insert(running("op-" + i, "alice", StatementKind.QUERY, Set.of(), Set.of(),
                        T0.plusMillis(i / 2)));
            }
            List<String> seen = new ArrayList<>();
            StatementPage page = history.search(StatementFilter.all(3));
            seen.addAll(ids(page));
            history.insert(running("op-new", "alice", StatementKind.QUERY, Set.of(), Set.of(), T0.plusSeconds(9)));
            while (page.next().isPresent()) {
                StatementCursor cursor = StatementCursor.parse(page.next().get().toString());
                page = history.search(StatementFilter.all(3).after(cursor));
                seen.addAll(ids(page));
            }
            assertThat(seen).containsExactly("op-6", "op-5", "op-4", "op-3", "op-2", "op-1", "op-0");
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void keepsOneLineageEdgePerPairOfTablesWithItsLatestStatement(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            StatementLineageRepository lineage = new StatementLineageRepository(database.dsl());
            TablePath clicks = new TablePath("cat", "db", "clicks");
            lineage.record("op-1", List.of(new TableFlow(ORDERS, SINK), new TableFlow(clicks, SINK)), T0);
            lineage.record("op-2", List.of(new TableFlow(ORDERS, SINK)), T0.plusSeconds(1));

            assertThat(lineage.all()).containsExactlyInAnyOrder(
                    new LineageEdge(ORDERS, SINK, LineageVia.statements("op-2", 2, T0.plusSeconds(1))),
                    new LineageEdge(clicks, SINK, LineageVia.statements("op-1", 1, T0)));
        }
    }

    private static StatementRecord running(String id, String user, StatementKind kind, Set<TablePath> reads,
            Set<TablePath> writes, Instant startedAt) {
        return new StatementRecord(id, "session-1", Optional.of("my session"), "rest/V3", Optional.of(user),
                "SELECT 'password' = '******'", Optional.of(kind), Optional.empty(), "cat", "db", reads, writes,
                StatementStatus.RUNNING, startedAt, Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty());
    }

    private static List<String> ids(StatementPage page) {
        return page.statements().stream().map(StatementRecord::id).toList();
    }
}
