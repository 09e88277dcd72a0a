package io.tributary.runner;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.CatalogDescriptor;

/**
 * The main class of Tributary's per-job and application clusters (Flink 1.20 has no SQL application mode): runs one
 * frozen job version, read from the spec file named by {@code --spec}, with the Table API — the catalogs it uses,
 * its SET options, the DDL it depends on, then its statement. The job's id ({@code $internal.pipeline.job-id}),
 * name and savepoint to restore from ({@code execution.savepoint.path}) come with the cluster's configuration, which
 * the Table API's execution environment inherits.
 */
public final class SqlJobRunner {

    /** The argument that precedes the spec file's path. */
    public static final String SPEC_ARGUMENT = "--spec";

    /** Flink's in-memory catalog type: what Tributary gives a job in place of a catalog the cluster cannot reach. */
    public static final String IN_MEMORY = "generic_in_memory";

    private final JobSpec spec;

    public SqlJobRunner(JobSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
    }

    public static void main(String[] args) throws Exception {
        JobSpec spec = JobSpecJson.read(readSpec(specArgument(args)));
        TableResult result = new SqlJobRunner(spec).run();
        result.getJobClient().ifPresent(client -> System.out.println("Submitted Flink job " + client.getJobID()));
    }

    /** Runs the job version in a new TableEnvironment; returns the statement's result (submitted, not awaited). */
    public TableResult run() {
        return run(TableEnvironment.create(EnvironmentSettings.newInstance()
                .withConfiguration(Configuration.fromMap(spec.options()))
                .build()));
    }

    /**
     * Runs the job version in {@code tables} (e.g. one whose execution environment deploys the compiled job graph
     * somewhere of its own): the spec's SET options, catalogs, catalog and database, dependencies, statement.
     */
    public TableResult run(TableEnvironment tables) {
        spec.options().forEach(tables.getConfig()::set);
        tables.getConfig().set("table.dml-sync", "false");
        Set<String> inMemory = new HashSet<>();
        for (JobSpec.CatalogSpec catalog : spec.catalogs()) {
            boolean isInMemory = IN_MEMORY.equals(catalog.options().get("type"));
            if (isInMemory) {
                inMemory.add(catalog.name());
                if (tables.getCatalog(catalog.name()).isPresent()) {
                    continue; // Flink's own default_catalog is in memory already
                }
            }
            tables.createCatalog(catalog.name(),
                    CatalogDescriptor.of(catalog.name(), Configuration.fromMap(catalog.options())));
        }
        tables.useCatalog(spec.catalog());
        if (inMemory.contains(spec.catalog()) && !Arrays.asList(tables.listDatabases()).contains(spec.database())) {
            // An in-memory stand-in for a catalog the cluster cannot reach: the job's temporary tables live here.
            tables.executeSql("CREATE DATABASE `" + spec.database().replace("`", "``") + "`");
        }
        tables.useDatabase(spec.database());
        for (String dependency : spec.dependencies()) {
            tables.executeSql(dependency);
        }
        return tables.executeSql(spec.statement());
    }

    static String specArgument(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (SPEC_ARGUMENT.equals(args[i])) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("usage: SqlJobRunner " + SPEC_ARGUMENT + " <job spec file>");
    }

    /**
     * The spec's bytes: the file at {@code location} (a path, relative to the container's working directory where
     * YARN puts shipped files), or else the class path resource of that name (shipped files are on the class path).
     */
    static byte[] readSpec(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.isReadable(file)) {
            return Files.readAllBytes(file);
        }
        try (InputStream resource = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(file.getFileName().toString())) {
            if (resource == null) {
                throw new IOException("no job spec at " + file.toAbsolutePath() + " nor on the class path");
            }
            return resource.readAllBytes();
        }
    }
}
