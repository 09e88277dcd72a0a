package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

/**
 * A statement parsed but could not be analysed: a broken or cyclic view, a failing catalog lookup, a statement the
 * analyzer does not know, or a defect. Flink may still accept the statement: run it, and record that its analysis
 * failed.
 */
public final class AnalysisFailedException extends Exception {

    private final AnalysisErrorCode code;
    private final StatementText statement;

    AnalysisFailedException(AnalysisErrorCode code, String message, StatementText statement, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        if (requireNonNull(code, "code is null").userError()) {
            throw new IllegalArgumentException(code + " is a syntax error, not an analysis failure");
        }
        this.code = code;
        this.statement = requireNonNull(statement, "statement is null");
    }

    public AnalysisErrorCode code() {
        return code;
    }

    /** The statement whose analysis failed. */
    public StatementText statement() {
        return statement;
    }
}
