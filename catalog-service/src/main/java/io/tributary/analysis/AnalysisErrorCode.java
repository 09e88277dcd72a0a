package io.tributary.analysis;

/**
 * Why analysis did not produce a {@link StatementAnalysis}. The user's mistakes come with a {@link SqlSyntaxError}
 * (Flink rejects the statement too); the others with an {@link AnalysisFailedException} (the statement may still be
 * valid: run it and record that its analysis failed).
 */
public enum AnalysisErrorCode {
    /** Flink's parser rejects the statement. */
    SYNTAX_ERROR(true),
    /** There is no statement: only white space and comments. */
    EMPTY_STATEMENT(true),
    /** More than one statement where one was expected. */
    MULTIPLE_STATEMENTS(true),
    /** A name has more parts than Flink allows for that kind of object (for example a 4-part table name). */
    INVALID_NAME(false),
    /** A view refers to itself, directly or through other views. */
    VIEW_CYCLE(false),
    /** A view's stored query does not parse. */
    VIEW_NOT_PARSABLE(false),
    /** Looking up a view or temporary object in the session's catalogs failed. */
    CATALOG_LOOKUP_FAILED(false),
    /** The parser accepted a statement the analyzer does not know. */
    UNSUPPORTED_STATEMENT(false),
    /** A defect of the analyzer. */
    INTERNAL_ERROR(false);

    private final boolean userError;

    AnalysisErrorCode(boolean userError) {
        this.userError = userError;
    }

    /** Whether the error is the user's mistake (a 4xx), which Flink would reject the statement for as well. */
    public boolean userError() {
        return userError;
    }
}
