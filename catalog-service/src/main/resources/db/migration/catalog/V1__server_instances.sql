-- Every start of a Tributary server on this metadata database: who, where, which version, when.
-- Several instances may share one MySQL; a row is closed (stopped_at) when its server stops cleanly.
CREATE TABLE server_instance (
    id              VARCHAR(36)  NOT NULL,
    host            VARCHAR(255) NOT NULL,
    version         VARCHAR(64)  NOT NULL,
    management_port INT          NOT NULL,
    gateway_port    INT          NOT NULL,
    flink_rest_url  VARCHAR(512) NOT NULL,
    started_at      BIGINT       NOT NULL,
    stopped_at      BIGINT       NULL,
    PRIMARY KEY (id)
);

CREATE INDEX server_instance_started_at ON server_instance (started_at);
