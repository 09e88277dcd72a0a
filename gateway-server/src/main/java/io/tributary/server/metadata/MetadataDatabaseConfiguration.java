package io.tributary.server.metadata;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.instance.ServerInstanceRepository;
import io.tributary.job.JobSchema;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataMigrator;
import io.tributary.metadata.MetadataSchema;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.startup.StartupFailure;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultDSLContext;
import org.springframework.boot.autoconfigure.jooq.SpringTransactionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/** Opens the metadata database (embedded H2 by default, MySQL/MariaDB when configured) and migrates it. */
@Configuration(proxyBeanMethods = false)
public class MetadataDatabaseConfiguration {

    /** Every library's part of the schema, in dependency order. */
    static final List<MetadataSchema> SCHEMAS = List.of(MetadataSchema.CATALOG_SERVICE, JobSchema.SCHEMA);

    @Bean
    MetadataDatabaseSettings metadataDatabaseSettings(TributaryProperties properties) {
        return MetadataDatabaseSettings.from(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource metadataDataSource(MetadataDatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tributary-metadata");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxConnections());
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        // The first connection is made by the migration below, which turns a failure into a clear message.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Bean
    MetadataSchemaStatus metadataSchemaStatus(DataSource dataSource, MetadataDatabaseSettings settings) {
        try {
            return new MetadataSchemaStatus(settings.kind(), new MetadataMigrator(dataSource).migrate(SCHEMAS));
        } catch (RuntimeException e) {
            throw MetadataConnectionFailures.explain(settings, e);
        }
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    DSLContext dslContext(DataSource dataSource, PlatformTransactionManager transactions,
            MetadataSchemaStatus migrated) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(new DataSourceConnectionProvider(new TransactionAwareDataSourceProxy(dataSource)));
        configuration.set(new SpringTransactionProvider(transactions));
        configuration.set(migrated.kind().dialect());
        // Tables are created unquoted by portable migrations: render names unquoted so H2 and MySQL both match.
        configuration.set(new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false));
        return new DefaultDSLContext(configuration);
    }

    @Bean
    ServerInstanceRepository serverInstanceRepository(DSLContext database) {
        return new ServerInstanceRepository(database);
    }

    /** Validated connection settings of the metadata database. */
    public record MetadataDatabaseSettings(
            MetadataDatabaseKind kind,
            String jdbcUrl,
            String user,
            String password,
            int maxConnections,
            java.time.Duration connectTimeout) {

        static MetadataDatabaseSettings from(TributaryProperties properties) {
            TributaryProperties.Metadata metadata = properties.metadata();
            if (metadata.embedded()) {
                Path file = properties.dataDir().toAbsolutePath().normalize().resolve("metadata").resolve("tributary");
                // Every commit reaches the file before it returns (WRITE_DELAY=0), so a killed server loses no
                // committed change; through H2's asynchronous file channel, which a thread interrupted while it
                // commits cannot close (the default channel closes, and takes the database with it). The server, not
                // the JVM's shutdown hook, closes the database.
                return new MetadataDatabaseSettings(MetadataDatabaseKind.H2,
                        "jdbc:h2:async:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                        "tributary", "", metadata.maxConnections(), metadata.connectTimeout());
            }
            MetadataDatabaseKind kind = MetadataDatabaseKind.fromJdbcUrl(metadata.url()).orElseThrow(
                    () -> new StartupFailure("tributary.metadata.url (TRIBUTARY_METADATA_URL)",
                            "'" + metadata.url() + "' is not a database Tributary can keep its metadata in;"
                                    + " use jdbc:mysql://host:3306/database (MySQL 8 or MariaDB), a jdbc:h2: URL,"
                                    + " or leave it empty for H2 under the data directory"));
            return new MetadataDatabaseSettings(kind, metadata.url().trim(),
                    metadata.user() == null ? "" : metadata.user(),
                    metadata.password() == null ? "" : metadata.password(),
                    metadata.maxConnections(), metadata.connectTimeout());
        }

        /** The URL without its parameters (after '?' or H2's ';', where credentials may hide), for display. */
        public String displayUrl() {
            int parameters = jdbcUrl.indexOf(kind == MetadataDatabaseKind.H2 ? ';' : '?');
            return parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters);
        }
    }
}
