package io.tributary.server.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.StatementAnalyzer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.junit.jupiter.api.Test;

class SessionJournalTest {

    private static final SessionScope HOME = new SessionScope("default_catalog", "default_database");
    private static final SessionScope ELSEWHERE = new SessionScope("hive", "dw");

    @Test
    void keepsTheSetupAJobMustReplayInOrderWithoutWhatWasDroppedSince() throws Exception {
        SessionJournal journal = journal(Map.of(), Set.of());
        finished(journal, "CREATE TEMPORARY TABLE gen (k INT) WITH ('connector' = 'datagen')", HOME);
        finished(journal, "ADD JAR '/opt/udf.jar'", HOME);
        finished(journal, "CREATE TEMPORARY SYSTEM FUNCTION shout AS 'com.example.Shout'", HOME);
        finished(journal, "CREATE TEMPORARY VIEW recent AS SELECT k FROM gen", HOME);
        finished(journal, "CREATE TABLE permanent (k INT)", HOME);
        finished(journal, "CREATE TEMPORARY TABLE scratch (k INT)", ELSEWHERE);
        finished(journal, "DROP TEMPORARY VIEW recent", HOME);
        finished(journal, "DROP TEMPORARY TABLE hive.dw.scratch", HOME);
        finished(journal, "CREATE TEMPORARY TABLE sink (k INT) WITH ('connector' = 'blackhole')", ELSEWHERE);

        assertThat(journal.setup()).extracting(SessionJournal.SetupStatement::text).containsExactly(
                "CREATE TEMPORARY TABLE gen (k INT) WITH ('connector' = 'datagen')",
                "ADD JAR '/opt/udf.jar'",
                "CREATE TEMPORARY SYSTEM FUNCTION shout AS 'com.example.Shout'",
                "CREATE TEMPORARY TABLE sink (k INT) WITH ('connector' = 'blackhole')");
        assertThat(SessionPromotions.setup(journal.setup(), HOME)).containsExactly(
                "CREATE TEMPORARY TABLE gen (k INT) WITH ('connector' = 'datagen')",
                "ADD JAR '/opt/udf.jar'",
                "CREATE TEMPORARY SYSTEM FUNCTION shout AS 'com.example.Shout'",
                "USE `hive`.`dw`",
                "CREATE TEMPORARY TABLE sink (k INT) WITH ('connector' = 'blackhole')",
                "USE `default_catalog`.`default_database`");
    }

    @Test
    void theUsersOptionsAreThoseItOpenedTheSessionWithAndThoseItSetNotTheServersDefaults() {
        Map<String, String> initial = Map.of("rest.port", "8081", "execution.target", "remote",
                "parallelism.default", "2", "pipeline.name", "from-the-url");
        SessionJournal journal = journal(initial, Set.of("pipeline.name"));
        Map<String, String> current = Map.of("rest.port", "8081", "execution.target", "remote",
                "parallelism.default", "1", "pipeline.name", "from-the-url", "table.exec.source.idle-timeout", "7 s",
                "tributary.user", "alice");
        assertThat(journal.userOptions(current)).containsOnly(Map.entry("parallelism.default", "1"),
                Map.entry("pipeline.name", "from-the-url"), Map.entry("table.exec.source.idle-timeout", "7 s"));
    }

    @Test
    void remembersTheLatestStatementsByOperationId() {
        SessionJournal journal = journal(Map.of(), Set.of());
        for (int i = 0; i < SessionJournal.REMEMBERED_STATEMENTS + 5; i++) {
            journal.remember("op-" + i, "SELECT " + i, HOME);
        }
        assertThat(journal.statement("op-0")).isEmpty();
        assertThat(journal.statement("op-" + (SessionJournal.REMEMBERED_STATEMENTS + 4)))
                .map(SessionJournal.RememberedStatement::text)
                .contains("SELECT " + (SessionJournal.REMEMBERED_STATEMENTS + 4));
    }

    private static SessionJournal journal(Map<String, String> initial, Set<String> clientKeys) {
        return new SessionJournal(new SessionHandle(UUID.randomUUID()), Optional.of("test"), "rest/V3",
                Optional.empty(), initial, clientKeys);
    }

    private static void finished(SessionJournal journal, String statement, SessionScope scope) throws Exception {
        journal.finished(new StatementAnalyzer(SessionCatalog.empty()).analyze(statement, scope), statement, scope,
                object -> false);
    }

}
