package io.tributary.catalog.builtin;

/**
 * What a change of the {@code tributary} catalog's storage found: the repositories answer with one of these and
 * the catalog turns it into the outcome Flink's contract asks for (usually an exception, or nothing when the caller
 * said to ignore it).
 */
enum ChangeOutcome {
    /** The change is committed. */
    DONE,
    /** The object to create (or the new name) is already taken; nothing changed. */
    EXISTS,
    /** The object to change is not there; nothing changed. */
    MISSING,
    /** What the object belongs to (its database, its table) is not there; nothing changed. */
    PARENT_MISSING,
    /** The database still holds tables or functions; nothing changed. */
    NOT_EMPTY,
    /** The object is of another kind than its replacement (a table altered into a view); nothing changed. */
    KIND_MISMATCH
}
