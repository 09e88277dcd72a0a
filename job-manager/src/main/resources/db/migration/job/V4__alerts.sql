-- Alerts: where they go (channels), when they are raised (rules), and the outbox they wait in until a channel has
-- accepted them. Times are epoch milliseconds. Secrets of a channel are stored encrypted (SecretCipher).

CREATE TABLE alert_channel (
    id                      VARCHAR(36)   NOT NULL,
    name                    VARCHAR(200)  NOT NULL,
    channel_type            VARCHAR(16)   NOT NULL,
    settings_json           MEDIUMTEXT    NOT NULL,
    secrets_json            MEDIUMTEXT    NOT NULL,
    rate_limit_per_minute   INT           NULL,
    created_by              VARCHAR(200)  NOT NULL,
    created_at              BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT alert_channel_name_unique UNIQUE (name)
);

CREATE TABLE alert_rule (
    id                      VARCHAR(36)   NOT NULL,
    name                    VARCHAR(200)  NOT NULL,
    event_type              VARCHAR(40)   NOT NULL,
    scope_kind              VARCHAR(16)   NOT NULL,
    scope_id                VARCHAR(100)  NULL,
    severity                VARCHAR(16)   NOT NULL,
    threshold_count         INT           NULL,
    window_millis           BIGINT        NULL,
    mutes_json              MEDIUMTEXT    NOT NULL,
    created_by              VARCHAR(200)  NOT NULL,
    created_at              BIGINT        NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX alert_rule_by_event ON alert_rule (event_type);

CREATE TABLE alert_rule_channel (
    rule_id                 VARCHAR(36)   NOT NULL,
    channel_id              VARCHAR(36)   NOT NULL,
    PRIMARY KEY (rule_id, channel_id),
    CONSTRAINT alert_rule_channel_rule FOREIGN KEY (rule_id) REFERENCES alert_rule (id),
    CONSTRAINT alert_rule_channel_channel FOREIGN KEY (channel_id) REFERENCES alert_channel (id)
);

-- One raised alert: the event that matched at least one rule, as it was when it happened.
CREATE TABLE alert (
    id                      VARCHAR(36)   NOT NULL,
    event_type              VARCHAR(40)   NOT NULL,
    severity                VARCHAR(16)   NOT NULL,
    rule_ids                VARCHAR(2000) NOT NULL,
    job_id                  VARCHAR(36)   NULL,
    job_name                VARCHAR(200)  NULL,
    cluster_id              VARCHAR(100)  NULL,
    cluster_name            VARCHAR(200)  NULL,
    flink_job_id            VARCHAR(32)   NULL,
    reason                  VARCHAR(4000) NOT NULL,
    event_count             INT           NULL,
    links_json              MEDIUMTEXT    NOT NULL,
    occurred_at             BIGINT        NOT NULL,
    created_at              BIGINT        NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX alert_by_time ON alert (created_at);
CREATE INDEX alert_by_job ON alert (job_id, event_type, created_at);

-- The outbox: one row per alert and channel. PENDING until the channel accepted the message that carried it
-- (DELIVERED) or the last attempt failed (FAILED, with the reason); MUTED when every rule that sent it to this
-- channel was muted. message_id names the message (single alert or digest) it was put in; it is set before the
-- message is sent, so a restart sends that same message again (same idempotency key).
CREATE TABLE alert_delivery (
    id                      VARCHAR(36)   NOT NULL,
    alert_id                VARCHAR(36)   NOT NULL,
    channel_id              VARCHAR(36)   NOT NULL,
    seq                     BIGINT        NOT NULL,
    status                  VARCHAR(16)   NOT NULL,
    message_id              VARCHAR(36)   NULL,
    attempts                INT           NOT NULL,
    last_error              VARCHAR(4000) NULL,
    last_attempt_at         BIGINT        NULL,
    delivered_at            BIGINT        NULL,
    created_at              BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT alert_delivery_alert FOREIGN KEY (alert_id) REFERENCES alert (id)
);

CREATE INDEX alert_delivery_queue ON alert_delivery (channel_id, status, seq);
CREATE INDEX alert_delivery_by_alert ON alert_delivery (alert_id);
CREATE INDEX alert_delivery_by_message ON alert_delivery (message_id);

-- A message to one channel: one alert, or a digest of many. SENDING until the channel accepted it (ACCEPTED) or
-- it was given up (FAILED). Its id is the idempotency key every attempt carries.
CREATE TABLE alert_message (
    id                      VARCHAR(36)   NOT NULL,
    channel_id              VARCHAR(36)   NOT NULL,
    seq                     BIGINT        NOT NULL,
    message_kind            VARCHAR(16)   NOT NULL,
    part_number             INT           NOT NULL,
    part_count              INT           NOT NULL,
    alert_count             INT           NOT NULL,
    status                  VARCHAR(16)   NOT NULL,
    attempts                INT           NOT NULL,
    next_attempt_at         BIGINT        NOT NULL,
    last_attempt_at         BIGINT        NULL,
    last_error              VARCHAR(4000) NULL,
    answer                  VARCHAR(4000) NULL,
    created_at              BIGINT        NOT NULL,
    finished_at             BIGINT        NULL,
    PRIMARY KEY (id)
);

CREATE INDEX alert_message_queue ON alert_message (channel_id, status, seq);

-- Every request made to a channel, with its outcome: the rate limit is counted from here after a restart or a
-- change of the instance that dispatches.
CREATE TABLE alert_attempt (
    id                      VARCHAR(36)   NOT NULL,
    message_id              VARCHAR(36)   NOT NULL,
    channel_id              VARCHAR(36)   NOT NULL,
    attempted_at            BIGINT        NOT NULL,
    outcome                 VARCHAR(16)   NOT NULL,
    status_code             INT           NULL,
    detail                  VARCHAR(4000) NULL,
    PRIMARY KEY (id)
);

CREATE INDEX alert_attempt_by_channel ON alert_attempt (channel_id, attempted_at);

-- The last count a job reported for a counted event (consecutive failed checkpoints): an alert is raised when the
-- count crosses the rule's threshold, not again for every failure after it.
CREATE TABLE alert_job_counter (
    job_id                  VARCHAR(36)   NOT NULL,
    event_type              VARCHAR(40)   NOT NULL,
    last_count              INT           NOT NULL,
    updated_at              BIGINT        NOT NULL,
    PRIMARY KEY (job_id, event_type)
);

-- Who dispatches a channel: one instance at a time, until its lease expires.
CREATE TABLE alert_lease (
    lease_name              VARCHAR(200)  NOT NULL,
    holder                  VARCHAR(200)  NOT NULL,
    expires_at              BIGINT        NOT NULL,
    acquired_at             BIGINT        NOT NULL,
    PRIMARY KEY (lease_name)
);
