package io.tributary.analysis;

/**
 * What a statement does: one kind for every statement Flink 1.20's SQL parser (and the few commands Flink's
 * planner matches before it, such as {@code SET key = value} without quotes) accepts.
 *
 * <h2>What goes into reads, writes, views and target</h2>
 * The convention serves one question: "which statements (jobs) read or write this table, and which statements
 * change this catalog, database or table?"
 * <ul>
 *   <li><b>reads</b>: tables whose data the statement uses, views expanded to their base tables (recursively).
 *       CTE names, temporary tables and temporary views are never reported as tables (a temporary view is
 *       expanded to the tables it reads).
 *   <li><b>writes</b>: tables whose data or definition the statement changes: the target of INSERT, CTAS/RTAS,
 *       DELETE, UPDATE, MERGE and TRUNCATE, and the table, view or materialized table that a CREATE, DROP or ALTER
 *       creates, removes or changes (a rename writes the old and the new name). A temporary object is not
 *       written: it is the session's own and dies with it.
 *   <li><b>views</b>: every view a read went through, nested ones included; an impact check on a view uses this.
 *   <li><b>target</b>: the one catalog object a DDL, USE, SHOW or DESCRIBE statement is about, temporary or not:
 *       the catalog for catalog DDL and USE CATALOG, the database for database DDL, USE and SHOW TABLES, the
 *       function, model or procedure for their statements, the table or view for table and view DDL.
 * </ul>
 * Statements that do not run anything (EXPLAIN, COMPILE PLAN) report the reads of the statement they explain but
 * no writes. SHOW and DESCRIBE read metadata, not data: they have a target and no reads.
 */
public enum StatementKind {
    // Queries and data changes.
    /** SELECT, VALUES, WITH, set operations, {@code TABLE t}, and {@code EXECUTE SELECT ...}. Reads only. */
    QUERY,
    /** INSERT INTO / INSERT OVERWRITE / UPSERT INTO, and {@code EXECUTE INSERT ...}. Writes the target. */
    INSERT,
    /** {@code EXECUTE STATEMENT SET BEGIN INSERT ...; ... END}: the reads and writes of all its INSERTs. */
    STATEMENT_SET,
    /** {@code BEGIN STATEMENT SET}: the following INSERTs are collected until END. No tables. */
    BEGIN_STATEMENT_SET,
    /** {@code END}: submits the INSERTs collected since BEGIN STATEMENT SET, each analysed on its own. */
    END_STATEMENT_SET,
    /** CREATE TABLE ... AS SELECT: reads the query's tables, writes the new table. */
    CREATE_TABLE_AS,
    /** [CREATE OR] REPLACE TABLE ... AS SELECT: reads the query's tables, writes the table. */
    REPLACE_TABLE_AS,
    /** DELETE FROM t [WHERE ...]: writes t, reads the columns of t the condition uses and its subqueries. */
    DELETE,
    /** UPDATE t SET ...: writes the assigned columns of t, reads the columns the expressions and condition use. */
    UPDATE,
    /** MERGE INTO t USING s ...: writes t, reads s and the columns of t the statement uses. */
    MERGE,
    /** TRUNCATE TABLE t: writes t. */
    TRUNCATE_TABLE,
    /** CALL procedure(...): the procedure is the target; what it reads and writes is not known. */
    CALL,

    // Catalogs and databases.
    CREATE_CATALOG,
    DROP_CATALOG,
    ALTER_CATALOG,
    USE_CATALOG,
    CREATE_DATABASE,
    DROP_DATABASE,
    ALTER_DATABASE,
    /** USE db / USE catalog.db. */
    USE_DATABASE,

    // Tables, views, materialized tables.
    /** CREATE [TEMPORARY] TABLE, also with LIKE (which reads the table it copies the definition of). */
    CREATE_TABLE,
    DROP_TABLE,
    /** Every ALTER TABLE form, including ADD/DROP PARTITION and COMPACT. */
    ALTER_TABLE,
    /** ANALYZE TABLE: reads the table (the analysed columns where listed); target is the table. */
    ANALYZE_TABLE,
    /** CREATE [TEMPORARY] VIEW: reads what the view's query reads, writes the view unless it is temporary. */
    CREATE_VIEW,
    DROP_VIEW,
    /** ALTER VIEW ... AS (reads the new query's tables) and ALTER VIEW ... RENAME TO. */
    ALTER_VIEW,
    /** CREATE MATERIALIZED TABLE ... AS: reads the query's tables, writes the materialized table. */
    CREATE_MATERIALIZED_TABLE,
    DROP_MATERIALIZED_TABLE,
    /** SUSPEND, RESUME, REFRESH, SET/RESET options, freshness or refresh mode. Writes the materialized table. */
    ALTER_MATERIALIZED_TABLE,

    // Functions and models.
    CREATE_FUNCTION,
    DROP_FUNCTION,
    ALTER_FUNCTION,
    /** CREATE [TEMPORARY] MODEL, also with AS (which reads the query's tables). */
    CREATE_MODEL,
    DROP_MODEL,
    ALTER_MODEL,

    // Session.
    /** SET 'key' = 'value', SET key = value, SET (list), ALTER SESSION/SYSTEM SET. No tables. */
    SET,
    /** RESET ['key'], RESET key, ALTER SESSION/SYSTEM RESET. No tables. */
    RESET,
    LOAD_MODULE,
    UNLOAD_MODULE,
    USE_MODULES,
    ADD_JAR,
    REMOVE_JAR,
    /**
     * Every SHOW statement. Target: the database for SHOW TABLES/VIEWS/FUNCTIONS/PROCEDURES/MODELS, the catalog for
     * SHOW DATABASES and SHOW CREATE CATALOG, the table for SHOW COLUMNS/PARTITIONS/CREATE TABLE/CREATE VIEW, the
     * model for SHOW CREATE MODEL; none for the others.
     */
    SHOW,
    /** DESCRIBE/DESC of a table, view, catalog, database, model or job. Target: the object, none for a job. */
    DESCRIBE,
    /** EXPLAIN [details] statement, EXPLAIN PLAN FOR, DESCRIBE STATEMENT: the reads of the statement, no writes. */
    EXPLAIN,
    /** COMPILE PLAN 'file' FOR ...: the reads of the statement it compiles, no writes (nothing runs). */
    COMPILE_PLAN,
    /** COMPILE AND EXECUTE PLAN 'file' FOR ...: the reads and writes of the statement it runs. */
    COMPILE_AND_EXECUTE_PLAN,
    /** EXECUTE PLAN 'file': runs a compiled plan; its tables are in the file, not in the SQL, and are not known. */
    EXECUTE_PLAN,
    /** STOP JOB 'id' [WITH SAVEPOINT] [WITH DRAIN]. No tables. */
    STOP_JOB,
    /** HELP, CLEAR, QUIT, EXIT: SQL client commands that Flink's parser accepts. No tables. */
    CLIENT_COMMAND
}
