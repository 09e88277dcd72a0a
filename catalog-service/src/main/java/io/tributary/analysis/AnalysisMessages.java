package io.tributary.analysis;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every message of the analysis that a user can see, in one place so that the wording stays consistent. */
final class AnalysisMessages {

    private static final Pattern NAMES_A_POSITION = Pattern.compile("line \\d+, column \\d+");

    private AnalysisMessages() {}

    /** Flink's message as it is when it names the position, else with the position added. */
    static String syntaxError(String parserMessage, SourceSpan span) {
        if (NAMES_A_POSITION.matcher(parserMessage).find()) {
            return parserMessage;
        }
        return parserMessage + " (at line " + span.line() + ", column " + span.column() + ")";
    }

    static String expectedTokens(String encountered, List<String> expected, int total) {
        if (expected.isEmpty()) {
            return encountered;
        }
        String listed = String.join(", ", expected);
        if (total == 1) {
            return encountered + " Was expecting " + listed + ".";
        }
        String more = total > expected.size() ? " (and " + (total - expected.size()) + " more)" : "";
        return encountered + " Was expecting one of: " + listed + more + ".";
    }

    static String tooDeeplyNested() {
        return "The statement is nested too deeply to be parsed.";
    }

    static String emptyStatement() {
        return "There is no SQL statement: the text holds only white space and comments.";
    }

    static String multipleStatements(SourceSpan second) {
        return "Only one statement can be analysed here, but another one starts at line " + second.line()
                + ", column " + second.column() + ". Analyse the text as a script instead.";
    }

    static String invalidName(String what, List<String> names, String allowed) {
        return "The " + what + " name " + joined(names) + " has " + names.size() + " parts; Flink accepts "
                + allowed + ".";
    }

    static String viewCycle(List<TablePath> chain) {
        return "View " + chain.get(chain.size() - 1) + " refers to itself: "
                + chain.stream().map(TablePath::toString).collect(Collectors.joining(" -> ")) + ".";
    }

    static String viewNotParsable(TablePath view, SqlSyntaxError error) {
        return "The stored query of view " + view + " does not parse: " + error.getMessage();
    }

    static String viewNotAQuery(TablePath view) {
        return "The stored query of view " + view + " is not a query.";
    }

    static String catalogLookupFailed(String objectName, RuntimeException failure) {
        return "Could not look up " + objectName + " in the session's catalogs: " + failure.getMessage();
    }

    static String unsupportedStatement(Class<?> nodeType) {
        return "Flink's parser accepted a statement (" + nodeType.getSimpleName()
                + ") that the analyzer does not know.";
    }

    static String unsupportedFromItem(String kind) {
        return "The analyzer does not know this kind of FROM item: " + kind + ".";
    }

    static String internalError(RuntimeException failure) {
        return "Analysing the statement failed: " + failure;
    }

    private static String joined(List<String> names) {
        return names.stream().map(TablePath::quoted).collect(Collectors.joining("."));
    }
}
