package io.tributary.job;

import static io.tributary.job.schema.Tables.JOB_VERSION;
import static java.util.Objects.requireNonNull;

import io.tributary.job.schema.tables.records.JobVersionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Stores the immutable versions of managed jobs: inserted once, never updated. */
public final class JobVersionRepository {

    private final DSLContext database;
    private final JsonColumns json = new JsonColumns();

    public JobVersionRepository(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Inserts within the caller's transaction. */
    void insert(DSLContext transaction, JobVersion version) {
        transaction.insertInto(JOB_VERSION)
                .set(JOB_VERSION.JOB_ID, version.jobId())
                .set(JOB_VERSION.VERSION, version.version())
                .set(JOB_VERSION.STATEMENT_TEXT, version.statement())
                .set(JOB_VERSION.CATALOG_NAME, version.catalog())
                .set(JOB_VERSION.DATABASE_NAME, version.database())
                .set(JOB_VERSION.OPTIONS_JSON, json.write(version.options()))
                .set(JOB_VERSION.DEPENDENCIES_JSON, json.write(version.dependencies()))
                .set(JOB_VERSION.CATALOGS_JSON, json.write(version.catalogs()))
                .set(JOB_VERSION.JARS_JSON, json.write(version.jars()))
                .set(JOB_VERSION.SOURCE_SESSION, version.sourceSession().orElse(null))
                .set(JOB_VERSION.SOURCE_OPERATION, version.sourceOperation().orElse(null))
                .set(JOB_VERSION.CREATED_BY, version.createdBy())
                .set(JOB_VERSION.CREATED_AT, version.createdAt().toEpochMilli())
                .execute();
    }

    public Optional<JobVersion> find(String jobId, int version) {
        requireNonNull(jobId, "jobId is null");
        return database.selectFrom(JOB_VERSION)
                .where(JOB_VERSION.JOB_ID.eq(jobId)).and(JOB_VERSION.VERSION.eq(version))
                .fetchOptional()
                .map(this::toVersion);
    }

    public List<JobVersion> list(String jobId) {
        requireNonNull(jobId, "jobId is null");
        return database.selectFrom(JOB_VERSION)
                .where(JOB_VERSION.JOB_ID.eq(jobId))
                .orderBy(JOB_VERSION.VERSION)
                .fetch(this::toVersion);
    }

    private JobVersion toVersion(JobVersionRecord row) {
        return new JobVersion(
                row.getJobId(),
                row.getVersion(),
                row.getStatementText(),
                row.getCatalogName(),
                row.getDatabaseName(),
                json.readMap(row.getOptionsJson()),
                json.readList(row.getDependenciesJson()),
                json.readList(row.getCatalogsJson()),
                json.readList(row.getJarsJson()),
                Optional.ofNullable(row.getSourceSession()),
                Optional.ofNullable(row.getSourceOperation()),
                row.getCreatedBy(),
                Instant.ofEpochMilli(row.getCreatedAt()));
    }
}
