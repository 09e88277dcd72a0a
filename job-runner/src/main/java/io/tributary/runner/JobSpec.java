package io.tributary.runner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A frozen job version as the runner runs it, without Tributary: the catalogs it uses (each with its Flink options,
 * {@code type} included), the catalog and database its names resolve in, its SET options, the DDL of the temporary
 * objects it depends on (in order) and its statement (an INSERT or a STATEMENT SET). Written by Tributary as JSON
 * (see {@link JobSpecJson}), shipped to the cluster as a file.
 */
public record JobSpec(
        int specVersion,
        List<CatalogSpec> catalogs,
        String catalog,
        String database,
        Map<String, String> options,
        List<String> dependencies,
        String statement) {

    /** The version of the spec's format this runner reads. */
    public static final int CURRENT_VERSION = 1;

    public JobSpec {
        catalogs = List.copyOf(catalogs);
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        options = Map.copyOf(options);
        dependencies = List.copyOf(dependencies);
        requireNonNull(statement, "statement is null");
        if (specVersion != CURRENT_VERSION) {
            throw new IllegalArgumentException("this runner reads job specs of version " + CURRENT_VERSION
                    + ", not " + specVersion + ": ship the runner jar of the Tributary that wrote the spec");
        }
    }

    /** One catalog: its name and its Flink options ({@code type} picks the catalog factory). */
    public record CatalogSpec(String name, Map<String, String> options) {
        public CatalogSpec {
            requireNonNull(name, "name is null");
            options = Map.copyOf(options);
            if (!options.containsKey("type")) {
                throw new IllegalArgumentException("catalog '" + name + "' has no 'type' option");
            }
        }
    }
}
