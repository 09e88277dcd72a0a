package io.tributary.alert.dispatch;

import static io.tributary.job.schema.Tables.ALERT_LEASE;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * A lease in the metadata database: one holder at a time, until it expires. Taken or renewed with one conditional
 * update ({@code WHERE holder = me OR expires_at < now}), created with an insert that only one instance can win.
 * The holder acts only while its own view of the expiry (computed from before the update was sent) lies in the
 * future, so it stops before anyone else may start; instances' clocks are assumed to agree within a small fraction
 * of the lease.
 */
public final class DatabaseLease {

    private final DSLContext database;
    private final String name;
    private final String holder;
    private final Duration duration;
    private volatile Instant validUntil = Instant.EPOCH;

    public DatabaseLease(DSLContext database, String name, String holder, Duration duration) {
        this.database = requireNonNull(database, "database is null");
        this.name = requireNonNull(name, "name is null");
        this.holder = requireNonNull(holder, "holder is null");
        this.duration = requireNonNull(duration, "duration is null");
    }

    /** Takes the lease, or renews it if held; false when another holder has it. */
    public boolean acquire(Instant now) {
        Instant expires = now.plus(duration);
        int updated = database.update(ALERT_LEASE)
                .set(ALERT_LEASE.HOLDER, holder)
                .set(ALERT_LEASE.EXPIRES_AT, expires.toEpochMilli())
                .where(ALERT_LEASE.LEASE_NAME.eq(name))
                .and(ALERT_LEASE.HOLDER.eq(holder).or(ALERT_LEASE.EXPIRES_AT.lt(now.toEpochMilli())))
                .execute();
        if (updated == 0) {
            try {
                database.insertInto(ALERT_LEASE)
                        .set(ALERT_LEASE.LEASE_NAME, name)
                        .set(ALERT_LEASE.HOLDER, holder)
                        .set(ALERT_LEASE.EXPIRES_AT, expires.toEpochMilli())
                        .set(ALERT_LEASE.ACQUIRED_AT, now.toEpochMilli())
                        .execute();
            } catch (DataAccessException e) {
                if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    validUntil = Instant.EPOCH;
                    return false;
                }
                throw e;
            }
        }
        validUntil = expires;
        return true;
    }

    /** Whether this holder may act at {@code now}, as far as it knows. */
    public boolean held(Instant now) {
        return now.isBefore(validUntil);
    }

    /** Renews the lease if fewer than {@code margin} remain; false when it was lost. */
    public boolean ensure(Instant now, Duration margin) {
        if (held(now) && Duration.between(now, validUntil).compareTo(margin) > 0) {
            return true;
        }
        return acquire(now);
    }

    /** Gives the lease up at once, so another instance need not wait for it to expire. */
    public void release() {
        if (validUntil.equals(Instant.EPOCH)) {
            return;
        }
        database.update(ALERT_LEASE)
                .set(ALERT_LEASE.EXPIRES_AT, 0L)
                .where(ALERT_LEASE.LEASE_NAME.eq(name))
                .and(ALERT_LEASE.HOLDER.eq(holder))
                .execute();
        validUntil = Instant.EPOCH;
    }

    /** Who holds a lease and until when, as the database says. */
    public static Optional<Holder> holderOf(DSLContext database, String name) {
        return database.selectFrom(ALERT_LEASE).where(ALERT_LEASE.LEASE_NAME.eq(name)).fetchOptional()
                .map(row -> new Holder(row.getHolder(), Instant.ofEpochMilli(row.getExpiresAt())));
    }

    public record Holder(String holder, Instant expiresAt) {}

    public String name() {
        return name;
    }
}
