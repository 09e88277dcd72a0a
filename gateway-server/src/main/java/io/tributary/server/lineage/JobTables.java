package io.tributary.server.lineage;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.AnalysisFailedException;
import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.SqlSyntaxError;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementAnalyzer;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.TableReference;
import io.tributary.job.JobVersion;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJob;
import io.tributary.lineage.TableFlow;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of managed jobs: each job's current version (its frozen statement after the DDL of its temporary
 * objects, in its catalog and database) analysed once, views expanded through the stored catalogs. Versions are
 * immutable, so an analysis is kept until the job moves to another version.
 */
public final class JobTables {

    private static final Logger LOG = LoggerFactory.getLogger(JobTables.class);

    private final JobVersionRepository versions;
    private final SessionCatalog catalogs;
    private final Map<String, Analysed> cache = new ConcurrentHashMap<>();

    public JobTables(JobVersionRepository versions, SessionCatalog catalogs) {
        this.versions = requireNonNull(versions, "versions is null");
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
    }

    private record Analysed(int version, JobTableUse use) {}

    public JobTableUse of(ManagedJob job) {
        Analysed cached = cache.get(job.id());
        if (cached != null && cached.version() == job.currentVersion()) {
            return cached.use();
        }
        Optional<JobVersion> version = versions.find(job.id(), job.currentVersion());
        if (version.isEmpty()) {
            return new JobTableUse("", Set.of(), Set.of(), Set.of(), Set.of(),
                    Optional.of("version " + job.currentVersion() + " is not stored"));
        }
        JobTableUse use = analyse(version.get());
        cache.put(job.id(), new Analysed(job.currentVersion(), use));
        return use;
    }

    JobTableUse analyse(JobVersion version) {
        SessionScope scope = new SessionScope(version.catalog(), version.database());
        try {
            List<StatementAnalysis> analyses = StatementFlows.ofJob(version.statement(), version.dependencies(), scope,
                    new StatementAnalyzer(catalogs));
            Set<TablePath> reads = new HashSet<>();
            Set<TablePath> writes = new HashSet<>();
            Set<TablePath> views = new HashSet<>();
            for (StatementAnalysis analysis : analyses) {
                analysis.reads().stream().map(TableReference::path).forEach(reads::add);
                analysis.writes().stream().map(TableReference::path).forEach(writes::add);
                views.addAll(analysis.views());
            }
            return new JobTableUse(version.catalog(), reads, writes, views, TableFlow.of(analyses), Optional.empty());
        } catch (SqlSyntaxError | AnalysisFailedException | RuntimeException e) {
            LOG.warn("The statement of job {} version {} could not be analysed: {}", version.jobId(),
                    version.version(), e.getMessage());
            return new JobTableUse(version.catalog(), Set.of(), Set.of(), Set.of(), Set.of(),
                    Optional.of(e.getMessage()));
        }
    }
}
