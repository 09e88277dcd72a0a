package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

/**
 * One statement as it was written: its text (from its first token to its last, without the {@code ;} that ends it)
 * and where that text is in the script it came from.
 */
public record StatementText(String text, SourceSpan span) {

    public StatementText {
        requireNonNull(text, "text is null");
        requireNonNull(span, "span is null");
    }

    public int startLine() {
        return span.line();
    }
}
