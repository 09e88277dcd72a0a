package io.tributary.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the analysis of a generated 200-line INSERT with 10 joins (the budget is 50 ms). Not a test:
 * run its {@code main} on the test class path. Prints the median, p99 and maximum over the measured runs.
 */
public final class StatementAnalysisBenchmark {

    static final int JOINS = 10;
    static final int LINES = 200;
    private static final int WARM_UP = 300;
    private static final int MEASURED = 200;

    private StatementAnalysisBenchmark() {}

    public static void main(String[] args) throws Exception {
        String statement = insertWithJoins(LINES, JOINS);
        SessionScope scope = new SessionScope("cat", "db");
        StatementAnalyzer analyzer = new StatementAnalyzer(SessionCatalog.empty());
        StatementAnalysis analysis = analyzer.analyze(statement, scope);
        for (int i = 0; i < WARM_UP; i++) {
            analyzer.analyze(statement, scope);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            analyzer.analyze(statement, scope);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "statement: %d lines, %d joins, %d tables read, %d written%n",
                statement.lines().count(), JOINS, analysis.reads().size(), analysis.writes().size());
        System.out.printf(Locale.ROOT, "analysis over %d runs after %d warm-up runs: median %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms%n", MEASURED, WARM_UP, millis(nanos[MEASURED / 2]),
                millis(nanos[(int) Math.ceil(MEASURED * 0.99) - 1]), millis(nanos[MEASURED - 1]));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** An INSERT of {@code lines} lines: a fact table joined to {@code joins} dimensions, one lookup among them. */
    static String insertWithJoins(int lines, int joins) {
        StringBuilder sql = new StringBuilder();
        sql.append("INSERT INTO cat.db.wide_sink\n");
        sql.append("SELECT\n");
        sql.append("  o.id,\n");
        int fixed = 4 + 2 * joins + 5; // INSERT, SELECT, o.id, FROM; JOIN + ON per dimension; WHERE ... GROUP BY
        int expressions = lines - fixed;
        for (int i = 0; i < expressions; i++) {
            int dimension = 1 + i % joins;
            String line = switch (i % 4) {
                case 0 -> String.format(Locale.ROOT, "  d%d.attribute_%d AS a_%d", dimension, i, i);
                case 1 -> String.format(Locale.ROOT,
                        "  CASE WHEN d%d.status = 'ACTIVE' THEN o.amount * d%d.rate_%d ELSE 0 END AS m_%d",
                        dimension, dimension, i, i);
                case 2 -> String.format(Locale.ROOT,
                        "  COALESCE(d%d.label_%d, UPPER(TRIM(o.code_%d)), 'n/a') AS l_%d", dimension, i, i, i);
                default -> String.format(Locale.ROOT,
                        "  SUM(CAST(o.quantity AS BIGINT)) FILTER (WHERE d%d.kind_%d IN ('a', 'b', 'c')) AS s_%d",
                        dimension, i, i);
            };
            sql.append(line).append(i + 1 < expressions ? ",\n" : "\n");
        }
        sql.append("FROM cat.db.orders AS o\n");
        for (int d = 1; d <= joins; d++) {
            String table = d == 1 ? "mysql.crm.customers FOR SYSTEM_TIME AS OF o.proc_time" : "hive.dw.dim_" + d;
            sql.append(String.format(Locale.ROOT, "LEFT JOIN %s AS d%d\n", table, d));
            sql.append(String.format(Locale.ROOT, "  ON o.key_%d = d%d.id AND d%d.valid = TRUE\n", d, d, d));
        }
        sql.append("WHERE o.amount > 0\n");
        sql.append("  AND o.status IN (SELECT s.code FROM cat.db.statuses s WHERE s.enabled)\n");
        sql.append("  AND o.ts > TIMESTAMP '2024-01-01 00:00:00'\n");
        sql.append("GROUP BY o.id,\n");
        sql.append("  o.code_0");
        return sql.toString();
    }
}
