package io.tributary.analysis;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The statements Flink 1.20's planner matches with regular expressions before it runs its SQL parser
 * ({@code ExtendedParser}): {@code SET key = value} and {@code RESET key} with unquoted keys, which the parser
 * itself rejects, and the SQL client's {@code HELP}, {@code CLEAR}, {@code QUIT} and {@code EXIT}. Like Flink, the
 * whole statement, without surrounding white space, must match; case does not matter.
 */
final class ClientCommands {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String END = "\\s*;?";
    /** A key without quotes or white space; a value in single quotes, or without white space and {@code ;}. */
    private static final Pattern SET = Pattern.compile(
            "SET(\\s+[^'\\s]+\\s*=\\s*('[^']*'|[^;\\s]+))?" + END, FLAGS);
    private static final Pattern RESET = Pattern.compile("RESET(\\s+[^'\\s]+)?" + END, FLAGS);
    private static final Pattern CLIENT = Pattern.compile("(HELP|CLEAR|QUIT|EXIT)" + END, FLAGS);

    private static final List<Command> COMMANDS = List.of(
            new Command(SET, StatementKind.SET),
            new Command(RESET, StatementKind.RESET),
            new Command(CLIENT, StatementKind.CLIENT_COMMAND));

    private ClientCommands() {}

    /** The kind of the statement when Flink would take it as one of these commands. */
    static Optional<StatementKind> match(String statement) {
        String trimmed = statement.trim();
        return COMMANDS.stream()
                .filter(command -> command.pattern().matcher(trimmed).matches())
                .map(Command::kind)
                .findFirst();
    }

    private record Command(Pattern pattern, StatementKind kind) {}
}
