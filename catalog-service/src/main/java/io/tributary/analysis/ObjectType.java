package io.tributary.analysis;

/** What kind of catalog object a statement is about (see {@link StatementAnalysis#target()}). */
public enum ObjectType {
    /** Names: {@code [catalog]}. */
    CATALOG(1, 1),
    /** Names: {@code [catalog, database]}. */
    DATABASE(2, 2),
    /**
     * Names: {@code [catalog, database, name]}: an object in the table namespace (table, view or materialized
     * table) where the statement does not say which one it is (DESCRIBE, SHOW COLUMNS, ...).
     */
    TABLE(3, 3),
    /** Names: {@code [catalog, database, name]}. */
    VIEW(3, 3),
    /** Names: {@code [catalog, database, name]}. */
    MATERIALIZED_TABLE(3, 3),
    /** Names: {@code [catalog, database, name]}, or {@code [name]} for a temporary system function. */
    FUNCTION(1, 3),
    /** Names: {@code [catalog, database, name]}. */
    MODEL(3, 3),
    /** Names: {@code [catalog, database, name]}. */
    PROCEDURE(3, 3);

    private final int minimumNames;
    private final int maximumNames;

    ObjectType(int minimumNames, int maximumNames) {
        this.minimumNames = minimumNames;
        this.maximumNames = maximumNames;
    }

    boolean acceptsNames(int count) {
        return count == minimumNames || count == maximumNames;
    }
}
