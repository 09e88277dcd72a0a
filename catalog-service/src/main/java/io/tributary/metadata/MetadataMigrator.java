package io.tributary.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the metadata database up to date, one {@link MetadataSchema} after the other, each with Flyway. */
public final class MetadataMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataMigrator.class);

    private final DataSource dataSource;

    public MetadataMigrator(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    /** Applies every pending migration of every schema, in the order given; returns the version each is at. */
    public List<MigratedSchema> migrate(List<MetadataSchema> schemas) {
        requireNonNull(schemas, "schemas is null");
        return schemas.stream().map(this::migrate).toList();
    }

    private MigratedSchema migrate(MetadataSchema schema) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(schema.migrationLocation())
                .table(schema.historyTable())
                // Several libraries share one database, each with its own history table: the second one finds
                // the others' tables, so it starts its history at version 0 and applies all of its migrations.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        MigrationVersion current = flyway.info().current() == null
                ? MigrationVersion.EMPTY
                : flyway.info().current().getVersion();
        if (result.migrationsExecuted > 0) {
            LOG.info("Metadata schema {} migrated to version {} ({} migrations applied)",
                    schema.name(), current, result.migrationsExecuted);
        }
        return new MigratedSchema(schema, current.getVersion(), result.migrationsExecuted);
    }

    /** Where one schema stands after migration. */
    public record MigratedSchema(MetadataSchema schema, String version, int migrationsApplied) {
        public MigratedSchema {
            requireNonNull(schema, "schema is null");
        }
    }
}
