package io.tributary.job;

import io.tributary.metadata.MetadataSchema;

/** job-manager's part of the metadata database. */
public final class JobSchema {

    public static final MetadataSchema SCHEMA =
            new MetadataSchema("job-manager", "classpath:db/migration/job", "flyway_history_job");

    private JobSchema() {}
}
