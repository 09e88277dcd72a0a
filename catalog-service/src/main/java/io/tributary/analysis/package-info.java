/**
 * Statement analysis with Flink's own SQL parser: what a statement does ({@link io.tributary.analysis.StatementKind})
 * and the fully qualified tables it reads and writes, views expanded to their base tables, with the columns the SQL
 * text attributes to them.
 *
 * <p>Entry point: {@link io.tributary.analysis.StatementAnalyzer}, given a {@link io.tributary.analysis.SessionCatalog}
 * (views, temporary tables) and the session's {@link io.tributary.analysis.SessionScope}. A statement Flink's parser
 * rejects gives a {@link io.tributary.analysis.SqlSyntaxError} with its position (a user error); a statement that
 * parsed but could not be analysed gives an {@link io.tributary.analysis.AnalysisFailedException} (run it anyway).
 */
package io.tributary.analysis;
