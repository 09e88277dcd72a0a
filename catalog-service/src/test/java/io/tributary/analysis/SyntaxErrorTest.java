package io.tributary.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Syntax errors carry Flink's own message, trimmed, and the exact position, also inside multi-line scripts. */
class SyntaxErrorTest {

    private static final SessionScope SCOPE = new SessionScope("cat", "db");

    private final StatementAnalyzer analyzer = new StatementAnalyzer(SessionCatalog.empty());

    @Test
    void positionOfAnErrorInAMultiLineStatement() {
        SqlSyntaxError error = syntaxError("""
                SELECT id,
                       amount
                FROM orders
                WHERE amount > 10
                GROUP id""");

        assertThat(error.code()).isEqualTo(AnalysisErrorCode.SYNTAX_ERROR);
        assertThat(error.span()).isEqualTo(new SourceSpan(5, 7, 5, 8));
        assertThat(error.parserMessage()).isEqualTo("Encountered \"id\" at line 5, column 7. Was expecting \"BY\".");
        assertThat(error.expected()).containsExactly("\"BY\"");
    }

    @Test
    void spanCoversTheWholeOffendingToken() {
        SqlSyntaxError error = syntaxError("SELECT a FROM t GROUP ORDER");

        assertThat(error.span()).isEqualTo(new SourceSpan(1, 23, 1, 27));
    }

    @Test
    void positionInAScriptIsThePositionInTheScript() {
        SqlSyntaxError error = catchThrowableOfType(SqlSyntaxError.class, () -> analyzer.analyzeScript("""
                SELECT 1;

                  INSERT INTO sink
                  SELECT * FORM orders;
                SELECT 2""", SCOPE));

        assertThat(error.span()).isEqualTo(new SourceSpan(4, 17, 4, 22));
        assertThat(error.parserMessage()).startsWith("Encountered \"orders\" at line 4, column 17.");
    }

    @Test
    void positionAfterASemicolonOnTheSameLine() {
        SqlSyntaxError error = catchThrowableOfType(SqlSyntaxError.class,
                () -> analyzer.analyzeScript("SELECT 1; SELECT * FROM t WHERE", SCOPE));

        assertThat(error.span()).isEqualTo(SourceSpan.at(1, 31));
    }

    @Test
    void keepsOnlyTheFirstExpectedTokens() {
        SqlSyntaxError error = syntaxError("SELECT * FROM t WHERE");

        assertThat(error.expected()).hasSize(SyntaxErrors.EXPECTED_KEPT).startsWith("\"CURSOR\"", "\"EXISTS\"");
        assertThat(error.parserMessage())
                .startsWith("Encountered \"<EOF>\" at line 1, column 21. Was expecting one of: \"CURSOR\", \"EXISTS\"")
                .endsWith("(and 133 more).")
                .doesNotContain("\n");
        assertThat(error.getMessage()).isEqualTo(error.parserMessage());
    }

    @Test
    void messageWithoutAPositionGetsOne() {
        SqlSyntaxError error = catchThrowableOfType(SqlSyntaxError.class,
                () -> analyzer.analyzeScript("SELECT 1;\n\tSELEC 2", SCOPE));

        assertThat(error.span()).isEqualTo(new SourceSpan(2, 2, 2, 6));
        assertThat(error.parserMessage()).isEqualTo("Non-query expression encountered in illegal context");
        assertThat(error.getMessage())
                .isEqualTo("Non-query expression encountered in illegal context (at line 2, column 2)");
    }

    @Test
    void unterminatedQuotedIdentifierIsALexicalError() {
        SqlSyntaxError error = catchThrowableOfType(SqlSyntaxError.class,
                () -> analyzer.analyzeScript("SELECT 1;\nSELECT `a FROM t", SCOPE));

        assertThat(error.span()).isEqualTo(SourceSpan.at(2, 17));
        assertThat(error.parserMessage()).startsWith("Lexical error at line 2, column 17.");
    }

    @Test
    void unterminatedCommentIsALexicalError() {
        SqlSyntaxError error = syntaxError("SELECT * FROM t /* open");

        assertThat(error.span()).isEqualTo(SourceSpan.at(1, 24));
        assertThat(error.parserMessage()).startsWith("Lexical error at line 1, column 24.");
    }

    @Test
    void unterminatedString() {
        SqlSyntaxError error = syntaxError("SELECT 'abc FROM t");

        assertThat(error.span()).isEqualTo(SourceSpan.at(1, 8));
    }

    @Test
    void quotedSetNeedsAValue() {
        SqlSyntaxError error = syntaxError("SET 'parallelism.default' =");

        // Flink reports the end of the text at its last character.
        assertThat(error.span()).isEqualTo(SourceSpan.at(1, 27));
        assertThat(error.expected()).contains("<QUOTED_STRING>");
    }

    @Test
    void emptyStatement() {
        SqlSyntaxError error = syntaxError("  -- only a comment\n  ");

        assertThat(error.code()).isEqualTo(AnalysisErrorCode.EMPTY_STATEMENT);
        assertThat(error.code().userError()).isTrue();
        assertThat(error.span()).isEqualTo(SourceSpan.at(1, 1));
    }

    @Test
    void onlyOneStatementWhereOneIsExpected() {
        SqlSyntaxError error = syntaxError("SELECT 1; SELECT 2");

        assertThat(error.code()).isEqualTo(AnalysisErrorCode.MULTIPLE_STATEMENTS);
        assertThat(error.span()).isEqualTo(new SourceSpan(1, 11, 1, 18));
        assertThat(error.getMessage()).contains("line 1, column 11");
    }

    @Test
    void aTrailingSemicolonIsNotASecondStatement() throws Exception {
        StatementAnalysis analysis = analyzer.analyze("SELECT 1;  \n", SCOPE);

        assertThat(analysis.kind()).isEqualTo(StatementKind.QUERY);
        assertThat(analysis.statement().text()).isEqualTo("SELECT 1");
    }

    @Test
    void unquotedSetIsACommandNotASyntaxError() throws Exception {
        StatementAnalysis analysis = analyzer.analyze("  SET execution.checkpointing.interval = 10s ;\n", SCOPE);

        assertThat(analysis.kind()).isEqualTo(StatementKind.SET);
        assertThat(analysis.statement().text()).isEqualTo("SET execution.checkpointing.interval = 10s");
        assertThat(analysis.statement().span()).isEqualTo(new SourceSpan(1, 3, 1, 44));
    }

    @Test
    void nestingDeeperThanTheParserCanGoIsRejectedWithAMessage() {
        SqlSyntaxError error = syntaxError("SELECT a" + " + (b".repeat(5000) + ")".repeat(5000) + " FROM t");

        assertThat(error.code()).isEqualTo(AnalysisErrorCode.SYNTAX_ERROR);
        assertThat(error.parserMessage()).isEqualTo("The statement is nested too deeply to be parsed.");
    }

    @Test
    void identifiersLongerThanFlinkAllowsAreRejected() {
        SqlSyntaxError error = syntaxError("SELECT * FROM " + "t".repeat(257));

        assertThat(error.span().line()).isEqualTo(1);
        assertThat(error.span().column()).isEqualTo(15);
        assertThat(error.parserMessage()).contains("256");
    }

    private SqlSyntaxError syntaxError(String statement) {
        SqlSyntaxError error = catchThrowableOfType(SqlSyntaxError.class, () -> analyzer.analyze(statement, SCOPE));
        assertThat(error).as("syntax error for %s", statement).isNotNull();
        return error;
    }
}
