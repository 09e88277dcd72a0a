package io.tributary.catalog.builtin;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** Flink SQL sessions for tests: table environments, and the rows their statements return. */
final class Sessions {

    private Sessions() {}

    /** A batch session whose queries run on the given cluster. */
    static TableEnvironment batch(LocalFlinkCluster cluster) {
        return TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(cluster.sessionConfiguration())
                .build());
    }

    /** Runs a statement to its end and returns every row of its result. */
    static List<Row> rows(TableEnvironment session, String statement) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> result = session.executeSql(statement).collect()) {
            result.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the result of " + statement, e);
        }
        return rows;
    }

    /** The first field of every row (the names SHOW statements list). */
    static List<String> names(TableEnvironment session, String statement) {
        return rows(session, statement).stream().map(row -> String.valueOf(row.getField(0))).toList();
    }

    static Object single(TableEnvironment session, String query) {
        List<Row> rows = rows(session, query);
        if (rows.size() != 1 || rows.get(0).getArity() != 1) {
            throw new IllegalStateException(query + " returned " + rows);
        }
        return rows.get(0).getField(0);
    }
}
