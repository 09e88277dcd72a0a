package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * One Flink SQL session for tests: a real {@link TableEnvironment} whose catalog store Flink creates from the
 * configuration, as the SQL Gateway does for each of its sessions.
 */
final class FlinkSession implements AutoCloseable {

    private final TableEnvironmentInternal environment;

    FlinkSession(Map<String, String> configuration) {
        requireNonNull(configuration, "configuration is null");
        this.environment = (TableEnvironmentInternal) TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(Configuration.fromMap(configuration))
                .build());
    }

    /** Runs one statement; returns its rows. */
    List<Row> execute(String statement) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = environment.executeSql(statement).collect()) {
            iterator.forEachRemaining(rows::add);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    Set<String> catalogs() {
        Set<String> names = new TreeSet<>();
        execute("SHOW CATALOGS").forEach(row -> names.add((String) row.getField(0)));
        return names;
    }

    /** DESCRIBE CATALOG EXTENDED, as a map of its "info name" column to its "info value" column. */
    Map<String, String> describe(String catalog) {
        Map<String, String> info = new TreeMap<>();
        execute("DESCRIBE CATALOG EXTENDED " + catalog)
                .forEach(row -> info.put((String) row.getField(0), (String) row.getField(1)));
        return info;
    }

    Catalog catalog(String name) {
        return environment.getCatalog(name).orElseThrow();
    }

    TableEnvironmentInternal environment() {
        return environment;
    }

    /** Closes the session's catalogs and its catalog store, as the SQL Gateway does when a session ends. */
    @Override
    public void close() {
        environment.getCatalogManager().close();
    }
}
