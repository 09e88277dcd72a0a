package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Flink's SQL parser rejects the text (or there is no statement, or more than one where one was expected). Carries
 * where the error is and Flink's own message, without the parser's list of every token it could have accepted:
 * {@link #expected()} keeps the first few.
 */
public final class SqlSyntaxError extends Exception {

    private final AnalysisErrorCode code;
    private final SourceSpan span;
    private final String parserMessage;
    private final List<String> expected;

    SqlSyntaxError(AnalysisErrorCode code, SourceSpan span, String parserMessage, List<String> expected) {
        super(AnalysisMessages.syntaxError(parserMessage, span));
        if (!requireNonNull(code, "code is null").userError()) {
            throw new IllegalArgumentException(code + " is not a syntax error");
        }
        this.code = code;
        this.span = requireNonNull(span, "span is null");
        this.parserMessage = requireNonNull(parserMessage, "parserMessage is null");
        this.expected = List.copyOf(expected);
    }

    public AnalysisErrorCode code() {
        return code;
    }

    /** Where the error is: the offending token, or the position the parser reports. */
    public SourceSpan span() {
        return span;
    }

    public int line() {
        return span.line();
    }

    public int column() {
        return span.column();
    }

    /** Flink's message, on one line, with at most the first few expected tokens. */
    public String parserMessage() {
        return parserMessage;
    }

    /** The first few tokens the parser would have accepted at that position, as Flink spells them. */
    public List<String> expected() {
        return expected;
    }
}
