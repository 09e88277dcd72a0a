-- The persistent built-in catalog type 'tributary' (io.tributary.catalog.builtin.TributaryCatalog).
--
-- Every row belongs to one catalog of that type, by its name: CREATE CATALOG a WITH ('type'='tributary') and
-- CREATE CATALOG b WITH ('type'='tributary') are separate namespaces on the same tables.
-- Names are compared as stored: Flink's identifiers are case-sensitive, so on MySQL/MariaDB the metadata database
-- needs a binary collation (utf8mb4_bin), as the test databases have.
-- Tables, views and materialized tables are stored in Flink's own portable form: the string properties of
-- org.apache.flink.table.catalog.CatalogPropertiesUtil, one row per property. What that form lacks in Flink 1.20
-- (a view's queries, DISTRIBUTED BY) has columns of its own.
-- Long texts are MEDIUMTEXT: 16 MB on MySQL/MariaDB, a character string of up to 10^9 characters on H2.
-- Times are epoch milliseconds. Ids are UUIDs made by the server (no AUTO_INCREMENT: portable, and known before
-- the insert). Deleting a database, table or partition row deletes everything that hangs off it.

CREATE TABLE builtin_database (
    catalog_name  VARCHAR(128) NOT NULL,
    database_name VARCHAR(128) NOT NULL,
    description   MEDIUMTEXT   NULL,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    PRIMARY KEY (catalog_name, database_name)
);

CREATE TABLE builtin_database_property (
    catalog_name   VARCHAR(128) NOT NULL,
    database_name  VARCHAR(128) NOT NULL,
    property_key   VARCHAR(255) NOT NULL,
    property_value MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (catalog_name, database_name, property_key),
    CONSTRAINT builtin_database_property_database FOREIGN KEY (catalog_name, database_name)
        REFERENCES builtin_database (catalog_name, database_name) ON DELETE CASCADE
);

-- Tables, views and materialized tables (table_kind is Flink's CatalogBaseTable.TableKind).
CREATE TABLE builtin_table (
    id                   VARCHAR(36)  NOT NULL,
    catalog_name         VARCHAR(128) NOT NULL,
    database_name        VARCHAR(128) NOT NULL,
    table_name           VARCHAR(256) NOT NULL,
    table_kind           VARCHAR(32)  NOT NULL,
    original_query       MEDIUMTEXT   NULL,
    expanded_query       MEDIUMTEXT   NULL,
    distribution_kind    VARCHAR(16)  NULL,
    distribution_buckets INT          NULL,
    created_at           BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT builtin_table_path UNIQUE (catalog_name, database_name, table_name),
    CONSTRAINT builtin_table_database FOREIGN KEY (catalog_name, database_name)
        REFERENCES builtin_database (catalog_name, database_name) ON DELETE CASCADE
);

CREATE TABLE builtin_table_property (
    table_id       VARCHAR(36)  NOT NULL,
    property_key   VARCHAR(255) NOT NULL,
    property_value MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (table_id, property_key),
    CONSTRAINT builtin_table_property_table FOREIGN KEY (table_id) REFERENCES builtin_table (id) ON DELETE CASCADE
);

-- The bucket keys of DISTRIBUTED BY, in order.
CREATE TABLE builtin_table_bucket_key (
    table_id    VARCHAR(36)  NOT NULL,
    key_index   INT          NOT NULL,
    column_name VARCHAR(256) NOT NULL,
    PRIMARY KEY (table_id, key_index),
    CONSTRAINT builtin_table_bucket_key_table FOREIGN KEY (table_id) REFERENCES builtin_table (id) ON DELETE CASCADE
);

-- Catalog functions; function_name is normalised to lower case, as Flink resolves function names.
CREATE TABLE builtin_function (
    id                VARCHAR(36)   NOT NULL,
    catalog_name      VARCHAR(128)  NOT NULL,
    database_name     VARCHAR(128)  NOT NULL,
    function_name     VARCHAR(256)  NOT NULL,
    class_name        VARCHAR(1024) NOT NULL,
    function_language VARCHAR(16)   NOT NULL,
    created_at        BIGINT        NOT NULL,
    updated_at        BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT builtin_function_path UNIQUE (catalog_name, database_name, function_name),
    CONSTRAINT builtin_function_database FOREIGN KEY (catalog_name, database_name)
        REFERENCES builtin_database (catalog_name, database_name) ON DELETE CASCADE
);

-- The jars, files and archives a function needs (USING JAR ...), in order.
CREATE TABLE builtin_function_resource (
    function_id    VARCHAR(36) NOT NULL,
    resource_index INT         NOT NULL,
    resource_type  VARCHAR(16) NOT NULL,
    resource_uri   MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (function_id, resource_index),
    CONSTRAINT builtin_function_resource_function FOREIGN KEY (function_id)
        REFERENCES builtin_function (id) ON DELETE CASCADE
);

-- Partitions of partitioned tables. partition_spec is the canonical text of the spec (see PartitionSpecCodec);
-- spec_hash, its SHA-256, makes it unique per table whatever its length.
CREATE TABLE builtin_partition (
    id             VARCHAR(36) NOT NULL,
    table_id       VARCHAR(36) NOT NULL,
    spec_hash      CHAR(64)    NOT NULL,
    partition_spec MEDIUMTEXT  NOT NULL,
    description    MEDIUMTEXT  NULL,
    created_at     BIGINT      NOT NULL,
    updated_at     BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT builtin_partition_spec UNIQUE (table_id, spec_hash),
    CONSTRAINT builtin_partition_table FOREIGN KEY (table_id) REFERENCES builtin_table (id) ON DELETE CASCADE
);

CREATE TABLE builtin_partition_property (
    partition_id   VARCHAR(36)  NOT NULL,
    property_key   VARCHAR(255) NOT NULL,
    property_value MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (partition_id, property_key),
    CONSTRAINT builtin_partition_property_partition FOREIGN KEY (partition_id)
        REFERENCES builtin_partition (id) ON DELETE CASCADE
);

-- Statistics (statistic_kind TABLE or COLUMN), as string properties (see StatisticsCodec).
CREATE TABLE builtin_table_statistic (
    table_id       VARCHAR(36)  NOT NULL,
    statistic_kind VARCHAR(16)  NOT NULL,
    property_key   VARCHAR(255) NOT NULL,
    property_value MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (table_id, statistic_kind, property_key),
    CONSTRAINT builtin_table_statistic_table FOREIGN KEY (table_id) REFERENCES builtin_table (id) ON DELETE CASCADE
);

CREATE TABLE builtin_partition_statistic (
    partition_id   VARCHAR(36)  NOT NULL,
    statistic_kind VARCHAR(16)  NOT NULL,
    property_key   VARCHAR(255) NOT NULL,
    property_value MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (partition_id, statistic_kind, property_key),
    CONSTRAINT builtin_partition_statistic_partition FOREIGN KEY (partition_id)
        REFERENCES builtin_partition (id) ON DELETE CASCADE
);
