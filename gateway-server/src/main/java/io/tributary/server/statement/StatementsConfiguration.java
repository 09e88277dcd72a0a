package io.tributary.server.statement;

import io.tributary.catalog.admin.CatalogBrowser;
import io.tributary.catalog.admin.StoredCatalogsSessionCatalog;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.secret.SecretRedactor;
import io.tributary.history.StatementHistoryRepository;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJobRepository;
import io.tributary.lineage.StatementLineageRepository;
import io.tributary.server.impact.ImpactCheck;
import io.tributary.server.lineage.JobTables;
import io.tributary.server.search.MetadataIndexMaintainer;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Knowing every statement: the recorder that every gateway session's statements pass through (history, impact,
 * lineage, metadata index, promotions from sessions), and what it stores and asks.
 */
@Configuration(proxyBeanMethods = false)
public class StatementsConfiguration {

    @Bean
    StatementHistoryRepository statementHistoryRepository(DSLContext database) {
        return new StatementHistoryRepository(database);
    }

    @Bean
    StatementLineageRepository statementLineageRepository(DSLContext database) {
        return new StatementLineageRepository(database);
    }

    @Bean
    StoredCatalogsSessionCatalog storedCatalogsSessionCatalog(CatalogBrowser browser) {
        return new StoredCatalogsSessionCatalog(browser);
    }

    @Bean
    JobTables jobTables(JobVersionRepository versions, StoredCatalogsSessionCatalog catalogs) {
        return new JobTables(versions, catalogs);
    }

    @Bean
    ImpactCheck impactCheck(ManagedJobRepository jobs, JobTables jobTables) {
        return new ImpactCheck(jobs, jobTables);
    }

    @Bean(destroyMethod = "close")
    HistoryWriter historyWriter(StatementHistoryRepository history, StatementLineageRepository lineage) {
        return new HistoryWriter(history, lineage);
    }

    /** A decorator of the embedded gateway's service: every door's statements pass through it. */
    @Bean(destroyMethod = "close")
    StatementRecorder statementRecorder(HistoryWriter writer, ImpactCheck impact, MetadataIndexMaintainer index,
            SecretOptionPolicy secrets, Clock clock) {
        return new StatementRecorder(writer, impact, index, new SecretRedactor(secrets), clock);
    }

    @Bean
    SessionPromotions sessionPromotions(StatementRecorder recorder) {
        return new SessionPromotions(recorder);
    }
}
