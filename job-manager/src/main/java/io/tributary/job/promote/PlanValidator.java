package io.tributary.job.promote;

import static java.util.Objects.requireNonNull;

import io.tributary.job.sql.FlinkErrorMessage;
import io.tributary.job.sql.ScratchSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.table.gateway.api.SqlGatewayService;

/**
 * Asks Flink's planner whether a statement compiles, in a session set up like the one it came from (options,
 * catalog and database, temporary objects): {@code EXPLAIN} plans it without running anything.
 */
final class PlanValidator {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Pattern LINE =
            Pattern.compile("((?:at|from|to) line )(\\d+)", Pattern.CASE_INSENSITIVE);

    private final SqlGatewayService gateway;

    PlanValidator(SqlGatewayService gateway) {
        this.gateway = requireNonNull(gateway, "gateway is null");
    }

    void validate(String statement, String catalog, String database, Map<String, String> options,
            List<String> dependencies) {
        try (ScratchSession session = new ScratchSession(gateway, "tributary-validate", options, TIMEOUT)) {
            try {
                session.use(catalog, database);
            } catch (ScratchSession.StatementFailedException e) {
                throw new InvalidPromotionException("catalog", "cannot use " + catalog + "." + database + ": "
                        + e.getMessage(), Optional.empty(), e);
            }
            for (String dependency : dependencies) {
                try {
                    session.run(dependency);
                } catch (ScratchSession.StatementFailedException e) {
                    throw new InvalidPromotionException("dependencies", "the dependency '" + abbreviate(dependency)
                            + "' fails: " + e.getMessage(), e.error().position(), e);
                }
            }
            try {
                // EXPLAIN on a line of its own: Flink's positions are one line below the user's.
                session.run("EXPLAIN\n" + StatementShape.explainable(statement));
            } catch (ScratchSession.StatementFailedException e) {
                Optional<FlinkErrorMessage.Position> position = e.error().position()
                        .filter(p -> p.line() > 1)
                        .map(p -> new FlinkErrorMessage.Position(p.line() - 1, p.column()));
                throw new InvalidPromotionException("statement", shiftLines(e.getMessage()), position, e);
            }
        }
    }

    /** Flink's message names lines of the EXPLAIN text; say the user's line numbers instead. */
    private static String shiftLines(String message) {
        Matcher matcher = LINE.matcher(message);
        StringBuilder shifted = new StringBuilder();
        while (matcher.find()) {
            int line = Integer.parseInt(matcher.group(2));
            matcher.appendReplacement(shifted, matcher.group(1) + Math.max(1, line - 1));
        }
        matcher.appendTail(shifted);
        return shifted.toString();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
