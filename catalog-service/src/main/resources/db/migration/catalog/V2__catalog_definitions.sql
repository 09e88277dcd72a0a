-- The catalogs every gateway session sees (Flink's CatalogStore, FLIP-295): one row per catalog, created by
-- CREATE CATALOG or the API. version grows by one at every change, so that a change based on an older read fails
-- (optimistic concurrency); the primary key decides which of two concurrent creates of one name wins.
CREATE TABLE catalog_definition (
    name            VARCHAR(255)  NOT NULL,
    catalog_type    VARCHAR(128)  NOT NULL,
    catalog_comment VARCHAR(2048) NULL,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (name)
);

-- The options of each catalog except 'type' (stored above). A credential is stored encrypted (encrypted = TRUE:
-- option_value holds 'v1:<base64>' of AES-256-GCM, never the plain text). Values may be a few KB long
-- (certificates, JSON credentials); the limit is checked by the database and reported by the repository.
CREATE TABLE catalog_option (
    catalog_name VARCHAR(255)  NOT NULL,
    option_key   VARCHAR(255)  NOT NULL,
    option_value VARCHAR(8192) NOT NULL,
    encrypted    BOOLEAN       NOT NULL,
    PRIMARY KEY (catalog_name, option_key),
    CONSTRAINT catalog_option_definition FOREIGN KEY (catalog_name) REFERENCES catalog_definition (name)
);
