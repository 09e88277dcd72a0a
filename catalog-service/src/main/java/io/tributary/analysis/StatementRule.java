package io.tributary.analysis;

import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/** Analyses the statements of one family; empty for a statement of another family. */
interface StatementRule {

    Optional<StatementKind> analyze(SqlNode statement, StatementWork work);
}
