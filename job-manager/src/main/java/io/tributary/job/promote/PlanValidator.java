package io.tributary.job.promote;

import static java.util.Objects.requireNonNull;

import io.tributary.job.sql.FlinkErrorMessage;
import io.tributary.job.sql.PhaseTimer;
import io.tributary.job.sql.ScratchSession;
import io.tributary.job.sql.SessionSetup;
import io.tributary.job.sql.WarmSessions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Flink's planner whether a statement compiles, in a session set up like the one it came from (options,
 * catalog and database, temporary objects): {@code EXPLAIN} plans it without running anything. The session stays
 * warm for the deploy that usually follows ({@link WarmSessions}).
 */
final class PlanValidator {

    private static final Logger LOG = LoggerFactory.getLogger(PlanValidator.class);
    private static final Pattern LINE =
            Pattern.compile("((?:at|from|to) line )(\\d+)", Pattern.CASE_INSENSITIVE);

    private final WarmSessions sessions;

    PlanValidator(WarmSessions sessions) {
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    void validate(String statement, String catalog, String database, Map<String, String> options,
            List<String> dependencies) {
        PhaseTimer timer = new PhaseTimer("validation");
        SessionSetup setup = new SessionSetup(options, catalog, database, dependencies);
        try (WarmSessions.Lease lease = sessions.lease(setup, PlanValidator::prepare)) {
            timer.phase(lease.warm() ? "warm session" : "new session");
            try {
                // EXPLAIN on a line of its own: Flink's positions are one line below the user's.
                lease.session().run("EXPLAIN\n" + StatementShape.explainable(statement));
            } catch (ScratchSession.StatementFailedException e) {
                Optional<FlinkErrorMessage.Position> position = e.error().position()
                        .filter(p -> p.line() > 1)
                        .map(p -> new FlinkErrorMessage.Position(p.line() - 1, p.column()));
                throw new InvalidPromotionException("statement", shiftLines(e.getMessage()), position, e);
            }
            timer.phase("explain");
            lease.keep();
        } finally {
            LOG.debug("{}", timer);
        }
    }

    /** A new session: the catalog and database, then the dependencies; a failure names what failed. */
    private static void prepare(ScratchSession session, SessionSetup setup) {
        try {
            session.use(setup.catalog(), setup.database());
        } catch (ScratchSession.StatementFailedException e) {
            throw new InvalidPromotionException("catalog", "cannot use " + setup.catalog() + "." + setup.database()
                    + ": " + e.getMessage(), Optional.empty(), e);
        }
        for (String dependency : setup.dependencies()) {
            try {
                session.run(dependency);
            } catch (ScratchSession.StatementFailedException e) {
                throw new InvalidPromotionException("dependencies", "the dependency '" + abbreviate(dependency)
                        + "' fails: " + e.getMessage(), e.error().position(), e);
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
