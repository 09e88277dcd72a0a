package io.tributary.catalog.builtin;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.metadata.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * What one server holds of the metadata database: a pool of its own on it and a jOOQ context configured as the
 * server configures its own. Closing one and opening another on the same database is a server restart.
 */
final class ServerConnection implements AutoCloseable {

    private final TestDatabase database;
    private final HikariDataSource dataSource;

    private ServerConnection(TestDatabase database) {
        this.database = database;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
    }

    static ServerConnection to(TestDatabase database) {
        return new ServerConnection(database);
    }

    DSLContext dsl() {
        return DSL.using(dataSource, database.kind().dialect(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
