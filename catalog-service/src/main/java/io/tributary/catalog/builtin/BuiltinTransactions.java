package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Runs each read and each change of the {@code tributary} catalog in one transaction of the metadata database:
 * a change is committed whole or not at all. A failure of the database becomes Flink's {@link CatalogException};
 * a broken constraint (typically another session that created or dropped the same object in the meantime) is
 * first offered to the caller, who looks again at what is now stored and says what happened.
 */
final class BuiltinTransactions {

    private final DSLContext database;

    BuiltinTransactions(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Reads in one transaction, so that what is read belongs together. */
    <T> T read(String action, Function<DSLContext, T> work) {
        return write(action, work, Optional::empty);
    }

    /**
     * Changes in one transaction. When a constraint of the database rejects the change, the transaction is rolled
     * back and {@code onConflict} is asked, outside it, what the outcome is; empty means it cannot tell, and the
     * failure is reported.
     */
    <T> T write(String action, Function<DSLContext, T> work, Supplier<Optional<T>> onConflict) {
        requireNonNull(action, "action is null");
        requireNonNull(work, "work is null");
        requireNonNull(onConflict, "onConflict is null");
        try {
            return database.transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                try {
                    Optional<T> outcome = onConflict.get();
                    if (outcome.isPresent()) {
                        return outcome.get();
                    }
                } catch (DataAccessException again) {
                    e.addSuppressed(again);
                }
            }
            throw new CatalogException(BuiltinCatalogMessages.storageFailure(action, rootMessage(e)), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
