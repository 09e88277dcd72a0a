package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

/**
 * Why the analysis of a statement that parsed cannot go on. Raised where it is found and turned into an
 * {@link AnalysisFailedException} for the statement by {@link StatementAnalyzer}.
 */
final class AnalysisProblem extends RuntimeException {

    private final AnalysisErrorCode code;

    AnalysisProblem(AnalysisErrorCode code, String message) {
        this(code, message, null);
    }

    AnalysisProblem(AnalysisErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    AnalysisErrorCode code() {
        return code;
    }
}
