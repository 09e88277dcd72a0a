package io.tributary.job.runner;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.analysis.AnalysisFailedException;
import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.SqlSyntaxError;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementAnalyzer;
import io.tributary.analysis.TableReference;
import io.tributary.catalog.builtin.TributaryCatalogOptions;
import io.tributary.catalog.store.CatalogDefinition;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import io.tributary.job.JobVersion;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.runner.JobSpec;
import io.tributary.runner.SqlJobRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a job version as the runner's {@link JobSpec}: the definitions of the catalogs it uses are resolved from
 * the catalog store now, with their credentials in clear (the spec is shipped as a file of the job's own YARN
 * application, never as a program argument).
 *
 * <p>A catalog of type {@code tributary} (the built-in catalog, kept in Tributary's metadata database) cannot be
 * reached from a cluster of the job's own. When the job only uses temporary tables there (its dependencies create
 * them), the runner gets an in-memory catalog of that name in its place; when it reads or writes a permanent table
 * of such a catalog, the job is refused with a {@link DeploymentException} (422) that names the tables.
 */
public final class JsonJobSpecWriter implements JobSpecWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_CATALOG = "default_catalog";

    private final CatalogDefinitionRepository catalogs;
    private final StatementAnalyzer analyzer = new StatementAnalyzer(SessionCatalog.empty());

    public JsonJobSpecWriter(CatalogDefinitionRepository catalogs) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
    }

    @Override
    public byte[] write(JobVersion version) {
        List<JobSpec.CatalogSpec> used = new ArrayList<>();
        for (String name : version.catalogs()) {
            if (DEFAULT_CATALOG.equals(name) && !catalogs.contains(name)) {
                continue; // Flink's in-memory catalog, which every TableEnvironment has
            }
            CatalogDefinition definition = catalogs.get(name)
                    .orElseThrow(() -> new DeploymentException("the job uses catalog '" + name + "', which is not in"
                            + " the catalog store any more", null))
                    .definition();
            Map<String, String> options = new TreeMap<>();
            if (TributaryCatalogOptions.IDENTIFIER.equals(definition.type())) {
                checkOnlyTemporaryTables(version, name);
                options.put(CatalogDefinition.TYPE_OPTION, SqlJobRunner.IN_MEMORY);
                if (name.equals(version.catalog())) {
                    options.put("default-database", version.database());
                }
            } else {
                options.putAll(definition.optionValues());
                options.put(CatalogDefinition.TYPE_OPTION, definition.type());
            }
            used.add(new JobSpec.CatalogSpec(name, options));
        }
        JobSpec spec = new JobSpec(JobSpec.CURRENT_VERSION, used, version.catalog(), version.database(),
                version.options(), version.dependencies(), version.statement());
        try {
            return JSON.writeValueAsBytes(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the job spec of job " + version.jobId(), e);
        }
    }

    /** Refuses a job that reads or writes a permanent table of the built-in catalog {@code catalog}. */
    private void checkOnlyTemporaryTables(JobVersion version, String catalog) {
        List<String> script = new ArrayList<>(version.dependencies());
        script.add(version.statement());
        List<StatementAnalysis> analyses;
        try {
            analyses = analyzer.analyzeScript(String.join(";\n", script), new SessionScope(version.catalog(),
                    version.database()));
        } catch (SqlSyntaxError | AnalysisFailedException e) {
            return; // it validated when it was promoted: the runner's Flink decides
        }
        Set<String> permanent = new TreeSet<>();
        for (StatementAnalysis analysis : analyses) {
            for (TableReference table : union(analysis.reads(), analysis.writes())) {
                if (table.catalog().equals(catalog)) {
                    permanent.add(table.catalog() + "." + table.database() + "." + table.table());
                }
            }
        }
        if (!permanent.isEmpty()) {
            throw new DeploymentException("the job uses " + permanent + " of catalog '" + catalog + "' (type"
                    + " 'tributary'), which lives in Tributary's metadata database and cannot be reached from a"
                    + " cluster of the job's own; run the job on a session cluster, or promote it with those tables"
                    + " as CREATE TEMPORARY TABLE dependencies", null);
        }
    }

    private static Set<TableReference> union(Set<TableReference> reads, Set<TableReference> writes) {
        Set<TableReference> all = new java.util.LinkedHashSet<>(reads);
        all.addAll(writes);
        return all;
    }
}
