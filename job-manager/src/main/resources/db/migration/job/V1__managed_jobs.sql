-- Managed jobs: a promoted statement, its immutable numbered versions, and every change of its state.

CREATE TABLE managed_job (
    id                  VARCHAR(36)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    cluster_id          VARCHAR(100)  NOT NULL,
    state               VARCHAR(32)   NOT NULL,
    current_version     INT           NOT NULL,
    flink_job_id        VARCHAR(32)   NULL,
    last_savepoint      VARCHAR(2048) NULL,
    auto_restart        BOOLEAN       NOT NULL,
    max_auto_restarts   INT           NOT NULL,
    auto_restarts       INT           NOT NULL,
    last_error          VARCHAR(4000) NULL,
    created_by          VARCHAR(200)  NOT NULL,
    created_at          BIGINT        NOT NULL,
    state_changed_at    BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT managed_job_name_unique UNIQUE (name)
);

CREATE TABLE job_version (
    job_id              VARCHAR(36)   NOT NULL,
    version             INT           NOT NULL,
    statement_text      MEDIUMTEXT    NOT NULL,
    catalog_name        VARCHAR(256)  NOT NULL,
    database_name       VARCHAR(256)  NOT NULL,
    options_json        MEDIUMTEXT    NOT NULL,
    dependencies_json   MEDIUMTEXT    NOT NULL,
    catalogs_json       MEDIUMTEXT    NOT NULL,
    jars_json           MEDIUMTEXT    NOT NULL,
    source_session      VARCHAR(64)   NULL,
    source_operation    VARCHAR(64)   NULL,
    created_by          VARCHAR(200)  NOT NULL,
    created_at          BIGINT        NOT NULL,
    PRIMARY KEY (job_id, version),
    CONSTRAINT job_version_job FOREIGN KEY (job_id) REFERENCES managed_job (id)
);

CREATE TABLE job_transition (
    id                  VARCHAR(36)   NOT NULL,
    job_id              VARCHAR(36)   NOT NULL,
    from_state          VARCHAR(32)   NOT NULL,
    to_state            VARCHAR(32)   NOT NULL,
    actor               VARCHAR(200)  NOT NULL,
    reason              VARCHAR(4000) NOT NULL,
    flink_job_id        VARCHAR(32)   NULL,
    at_millis           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT job_transition_job FOREIGN KEY (job_id) REFERENCES managed_job (id)
);

CREATE INDEX job_transition_by_job ON job_transition (job_id, at_millis);
