-- Statement history and lineage: every statement any client ran through the gateway, and the tables data flowed
-- between (io.tributary.history, io.tributary.lineage).
--
-- A statement's id is the gateway's operation id when Flink accepted it (a UUID), else one the server made.
-- Its text is stored with the values of credentials masked. statement_kind is empty when the analysis failed;
-- analysis_error then says why. statement_status moves from RUNNING to FINISHED, ERROR or CANCELED once, with a
-- conditional update; REFUSED (an impact check said no) is written as it is. Times are epoch milliseconds.
CREATE TABLE statement_history (
    id               VARCHAR(36)   NOT NULL,
    session_id       VARCHAR(36)   NOT NULL,
    session_name     VARCHAR(256)  NULL,
    client_name      VARCHAR(64)   NOT NULL,
    user_name        VARCHAR(200)  NULL,
    statement_text   MEDIUMTEXT    NOT NULL,
    statement_kind   VARCHAR(40)   NULL,
    analysis_error   VARCHAR(4000) NULL,
    catalog_name     VARCHAR(128)  NOT NULL,
    database_name    VARCHAR(128)  NOT NULL,
    statement_status VARCHAR(16)   NOT NULL,
    started_at       BIGINT        NOT NULL,
    ended_at         BIGINT        NULL,
    result_rows      BIGINT        NULL,
    flink_job_id     VARCHAR(32)   NULL,
    error_text       MEDIUMTEXT    NULL,
    PRIMARY KEY (id)
);

CREATE INDEX statement_history_started ON statement_history (started_at, id);
CREATE INDEX statement_history_user ON statement_history (user_name, started_at);

-- The tables each statement reads (access_kind READ) and writes (WRITE), fully qualified, views expanded.
CREATE TABLE statement_table (
    statement_id  VARCHAR(36)  NOT NULL,
    access_kind   VARCHAR(8)   NOT NULL,
    catalog_name  VARCHAR(128) NOT NULL,
    database_name VARCHAR(128) NOT NULL,
    table_name    VARCHAR(256) NOT NULL,
    PRIMARY KEY (statement_id, access_kind, catalog_name, database_name, table_name),
    CONSTRAINT statement_table_statement FOREIGN KEY (statement_id) REFERENCES statement_history (id)
        ON DELETE CASCADE
);

CREATE INDEX statement_table_by_table ON statement_table (catalog_name, database_name, table_name);

-- Data flowing from one table to another through statements run in sessions (INSERT, CTAS/RTAS, STATEMENT SET):
-- one row per pair of tables, with the latest statement that made it and how many did. edge_key is the SHA-256
-- of the pair (the six names are too long for one key on MySQL).
CREATE TABLE lineage_edge (
    edge_key          CHAR(64)     NOT NULL,
    source_catalog    VARCHAR(128) NOT NULL,
    source_database   VARCHAR(128) NOT NULL,
    source_table      VARCHAR(256) NOT NULL,
    target_catalog    VARCHAR(128) NOT NULL,
    target_database   VARCHAR(128) NOT NULL,
    target_table      VARCHAR(256) NOT NULL,
    last_statement_id VARCHAR(36)  NOT NULL,
    statement_count   BIGINT       NOT NULL,
    first_seen_at     BIGINT       NOT NULL,
    last_seen_at      BIGINT       NOT NULL,
    PRIMARY KEY (edge_key)
);
