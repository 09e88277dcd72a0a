-- Every change of a cluster's health the watcher saw (UNKNOWN, UP, DEGRADED, LOST), kept after the cluster is
-- removed; and an index to find a managed job by any Flink job id it ever had (the watcher tells managed from
-- unmanaged jobs on a cluster with it).

CREATE TABLE cluster_health_event (
    id              VARCHAR(36)   NOT NULL,
    cluster_id      VARCHAR(100)  NOT NULL,
    cluster_name    VARCHAR(200)  NOT NULL,
    cluster_kind    VARCHAR(32)   NOT NULL,
    from_health     VARCHAR(16)   NOT NULL,
    to_health       VARCHAR(16)   NOT NULL,
    reason          VARCHAR(4000) NOT NULL,
    active_jobs     INT           NOT NULL,
    at_millis       BIGINT        NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX cluster_health_event_by_cluster ON cluster_health_event (cluster_id, at_millis);

CREATE INDEX job_transition_by_flink_job ON job_transition (flink_job_id);
