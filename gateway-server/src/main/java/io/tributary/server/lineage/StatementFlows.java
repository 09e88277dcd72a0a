package io.tributary.server.lineage;

import io.tributary.analysis.AnalysisFailedException;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.SqlSyntaxError;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementAnalyzer;
import io.tributary.analysis.StatementKind;
import io.tributary.lineage.TableFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables data flows between in a statement, one INSERT at a time: a STATEMENT SET is analysed INSERT by
 * INSERT, so each INSERT's reads flow into its own target only (the analysis of the whole set knows only all reads
 * and all writes).
 */
public final class StatementFlows {

    private static final Pattern STATEMENT_SET = Pattern.compile(
            "\\A\\s*(?:EXECUTE\\s+)?STATEMENT\\s+SET\\s+BEGIN\\b(.*)\\bEND\\s*;?\\s*\\z",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private StatementFlows() {}

    /** The flows of an analysed statement that ran in a session ({@code analysis} of {@code text}). */
    public static Set<TableFlow> of(StatementAnalysis analysis, String text, StatementAnalyzer analyzer,
            SessionScope scope) {
        if (analysis.kind() == StatementKind.STATEMENT_SET) {
            Optional<String> body = statementSetBody(text);
            if (body.isPresent()) {
                try {
                    return TableFlow.of(analyzer.analyzeScript(body.get(), scope));
                } catch (SqlSyntaxError | AnalysisFailedException e) {
                    // The set as a whole was analysed: every read flows into every write.
                }
            }
        }
        return TableFlow.of(List.of(analysis));
    }

    /**
     * The analyses of the statements that move data in a frozen job: {@code statement} (an INSERT or a STATEMENT
     * SET, whose INSERTs are analysed one by one) after {@code setup} (the DDL of its temporary objects), in
     * {@code scope}.
     */
    public static List<StatementAnalysis> ofJob(String statement, List<String> setup, SessionScope scope,
            StatementAnalyzer analyzer) throws SqlSyntaxError, AnalysisFailedException {
        StringBuilder script = new StringBuilder();
        for (String dependency : setup) {
            script.append(withoutSemicolon(dependency)).append(";\n");
        }
        int setupStatements = analyzer.analyzeScript(script.toString(), scope).size();
        script.append(statementSetBody(statement).orElse(withoutSemicolon(statement)));
        List<StatementAnalysis> all = analyzer.analyzeScript(script.toString(), scope);
        return new ArrayList<>(all.subList(setupStatements, all.size())).stream()
                .filter(analysis -> TableFlow.MOVING_DATA.contains(analysis.kind()))
                .toList();
    }

    static Optional<String> statementSetBody(String statement) {
        Matcher matcher = STATEMENT_SET.matcher(statement);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String withoutSemicolon(String statement) {
        String text = statement.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}
