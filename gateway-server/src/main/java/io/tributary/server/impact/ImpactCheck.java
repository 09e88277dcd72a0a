package io.tributary.server.impact;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.ObjectReference;
import io.tributary.analysis.ObjectType;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.TableReference;
import io.tributary.job.JobState;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.server.lineage.JobTableUse;
import io.tributary.server.lineage.JobTables;
import io.tributary.server.statement.RecorderOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Refuses a DROP or ALTER of a table, view, database or catalog that running managed jobs (RUNNING, RESTARTING,
 * DEPLOYING, SAVEPOINTING) read or write, wherever it comes from: any gateway session (unless the session sets
 * {@code 'tributary.impact.force' = 'true'}) or the catalogs API (unless {@code ?force=true}).
 */
public final class ImpactCheck {

    /** The states in which a job depends on its tables right now. */
    public static final Set<JobState> RUNNING = EnumSet.of(JobState.RUNNING, JobState.RESTARTING,
            JobState.DEPLOYING, JobState.SAVEPOINTING);

    private static final Set<StatementKind> TABLE_CHANGES = EnumSet.of(StatementKind.DROP_TABLE,
            StatementKind.ALTER_TABLE, StatementKind.DROP_VIEW, StatementKind.ALTER_VIEW,
            StatementKind.DROP_MATERIALIZED_TABLE, StatementKind.ALTER_MATERIALIZED_TABLE,
            StatementKind.REPLACE_TABLE_AS);
    private static final Set<StatementKind> CATALOG_CHANGES = EnumSet.of(StatementKind.DROP_CATALOG,
            StatementKind.ALTER_CATALOG);

    private final ManagedJobRepository jobs;
    private final JobTables jobTables;

    public ImpactCheck(ManagedJobRepository jobs, JobTables jobTables) {
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.jobTables = requireNonNull(jobTables, "jobTables is null");
    }

    /** Whether a statement of this kind can be refused (the others are not checked at all). */
    public static boolean checks(StatementKind kind) {
        return TABLE_CHANGES.contains(kind) || CATALOG_CHANGES.contains(kind) || kind == StatementKind.DROP_DATABASE;
    }

    /**
     * Refuses a statement that changes what running jobs use. {@code sessionTemporary} tells which table names are
     * temporary objects of the session (a DROP of those touches no job).
     *
     * @throws ImpactRefusedException naming the jobs
     */
    public void check(StatementAnalysis analysis, Predicate<TablePath> sessionTemporary) {
        requireNonNull(analysis, "analysis is null");
        StatementKind kind = analysis.kind();
        if (!checks(kind)) {
            return;
        }
        Optional<ObjectReference> target = analysis.target();
        if (target.isPresent() && target.get().temporary()) {
            return;
        }
        String change = kind.name().replace('_', ' ');
        if (TABLE_CHANGES.contains(kind)) {
            Set<TablePath> tables = new LinkedHashSet<>();
            target.filter(object -> object.names().size() == 3)
                    .map(object -> new TablePath(object.names().get(0), object.names().get(1), object.names().get(2)))
                    .ifPresent(tables::add);
            analysis.writes().stream().map(TableReference::path).forEach(tables::add);
            tables.removeIf(sessionTemporary);
            if (tables.isEmpty()) {
                return;
            }
            refuseIfUsed(change + " " + names(tables), use -> tables.stream().anyMatch(use::uses),
                    tables.size() == 1 ? "it" : "them", sessionHint());
        } else if (kind == StatementKind.DROP_DATABASE && target.filter(t -> t.type() == ObjectType.DATABASE)
                .isPresent()) {
            String catalog = target.get().names().get(0);
            String database = target.get().names().get(1);
            refuseIfUsed(change + " " + target.get().names().stream().collect(Collectors.joining(".")),
                    use -> use.usesDatabase(catalog, database), "tables in it", sessionHint());
        } else if (CATALOG_CHANGES.contains(kind) && target.filter(t -> t.type() == ObjectType.CATALOG)
                .isPresent()) {
            String catalog = target.get().names().get(0);
            refuseIfUsed(change + " " + catalog, use -> use.usesCatalog(catalog), "tables in it", sessionHint());
        }
    }

    /**
     * Refuses a change of a catalog through the catalogs API ({@code action}: DROP CATALOG, ALTER CATALOG) that
     * running jobs use.
     */
    public void checkCatalog(String catalog, String action) {
        requireNonNull(catalog, "catalog is null");
        refuseIfUsed(action + " " + catalog, use -> use.usesCatalog(catalog), "tables in it",
                "add ?force=true to the request to do it anyway");
    }

    /** Refuses the change if running jobs use what it changes: "... job 'a' (...) reads or writes {what}." */
    private void refuseIfUsed(String change, Predicate<JobTableUse> uses, String what, String howToForce) {
        List<ImpactedJob> impacted = runningJobsWhere(uses);
        if (impacted.isEmpty()) {
            return;
        }
        boolean one = impacted.size() == 1;
        String names = impacted.stream().map(ImpactedJob::toString).collect(Collectors.joining(", "));
        throw new ImpactRefusedException(change, impacted, change + " is refused: running managed job"
                + (one ? " " : "s ") + names + (one ? " reads or writes " : " read or write ") + what + ". Stop "
                + (one ? "it" : "them") + " first, or " + howToForce + ".");
    }

    private List<ImpactedJob> runningJobsWhere(Predicate<JobTableUse> uses) {
        List<ImpactedJob> impacted = new ArrayList<>();
        for (ManagedJob job : jobs.inStates(RUNNING)) {
            if (uses.test(jobTables.of(job))) {
                impacted.add(new ImpactedJob(job.id(), job.name(), job.state()));
            }
        }
        return impacted;
    }

    private static String sessionHint() {
        return "SET '" + RecorderOptions.IMPACT_FORCE.key() + "' = 'true' in the session to do it anyway";
    }

    private static String names(Set<TablePath> tables) {
        return tables.stream().map(TablePath::toString).collect(Collectors.joining(", "));
    }
}
