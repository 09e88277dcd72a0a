package io.tributary.lineage;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.TableReference;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One table's data flowing into another: a read and a write of the same statement. */
public record TableFlow(TablePath from, TablePath to) {

    /** The kinds of statement that move data from the tables they read into the tables they write. */
    public static final Set<StatementKind> MOVING_DATA = EnumSet.of(StatementKind.INSERT, StatementKind.STATEMENT_SET,
            StatementKind.CREATE_TABLE_AS, StatementKind.REPLACE_TABLE_AS, StatementKind.COMPILE_AND_EXECUTE_PLAN,
            StatementKind.CREATE_MATERIALIZED_TABLE);

    public TableFlow {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }

    /**
     * The flows of analysed statements that move data: every table a statement reads into every table it writes.
     * A table a statement reads and writes is no flow of its own (lineage has no loops of one table).
     */
    public static Set<TableFlow> of(List<StatementAnalysis> analyses) {
        Set<TableFlow> flows = new LinkedHashSet<>();
        for (StatementAnalysis analysis : analyses) {
            if (!MOVING_DATA.contains(analysis.kind())) {
                continue;
            }
            for (TableReference read : analysis.reads()) {
                for (TableReference write : analysis.writes()) {
                    if (!read.path().equals(write.path())) {
                        flows.add(new TableFlow(read.path(), write.path()));
                    }
                }
            }
        }
        return flows;
    }
}
