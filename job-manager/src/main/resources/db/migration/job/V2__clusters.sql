-- Flink clusters jobs can run on, besides the embedded one (which is not stored: it is part of the server).

CREATE TABLE flink_cluster (
    id              VARCHAR(36)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    rest_address    VARCHAR(1024) NULL,
    settings_json   MEDIUMTEXT    NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT flink_cluster_name_unique UNIQUE (name)
);
