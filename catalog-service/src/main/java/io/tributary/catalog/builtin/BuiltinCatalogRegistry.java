package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.table.api.ValidationException;
import org.jooq.DSLContext;

/**
 * The live metadata databases that catalogs of type {@code tributary} may be created on, each under a handle.
 *
 * <p>This is the one piece of static state in Tributary, and it has to be: Flink creates a catalog through
 * {@link TributaryCatalogFactory}, which Java's {@code ServiceLoader} instantiates with no arguments, inside
 * whatever session asked for it ({@code CREATE CATALOG}, the catalog store, a session's default catalog). Nothing
 * reaches the factory but the catalog's options, and those are shown to users ({@code SHOW CREATE CATALOG}, the
 * catalog store), so they must not carry the database's credentials. The server therefore registers its metadata
 * database here once, under a handle, and catalogs name the handle ({@code 'metadata-handle'}) or, when exactly one
 * is registered, use that one without being told.
 *
 * <p>A registration lasts until it is closed: the server closes it when it stops.
 */
public final class BuiltinCatalogRegistry {

    private static final Map<String, DSLContext> DATABASES = new ConcurrentHashMap<>();

    private BuiltinCatalogRegistry() {}

    /**
     * Makes a metadata database (a jOOQ context configured as the server configures its own, on a database that is
     * already migrated) available to catalogs under the given handle, until the returned registration is closed.
     *
     * @throws IllegalStateException when the handle is already registered
     */
    public static Registration register(String handle, DSLContext database) {
        requireNonNull(handle, "handle is null");
        requireNonNull(database, "database is null");
        if (handle.isBlank()) {
            throw new IllegalArgumentException("handle is blank");
        }
        if (DATABASES.putIfAbsent(handle, database) != null) {
            throw new IllegalStateException("A metadata database is already registered under the handle '"
                    + handle + "'");
        }
        return new Registration(handle, database);
    }

    /**
     * The database registered under the given handle or, with no handle, the only one registered.
     *
     * @throws ValidationException (Flink's error for a user's wrong catalog options) when there is none to use
     */
    static DSLContext resolve(Optional<String> handle) {
        requireNonNull(handle, "handle is null");
        if (handle.isPresent()) {
            DSLContext database = DATABASES.get(handle.get());
            if (database == null) {
                throw new ValidationException(BuiltinCatalogMessages.unknownHandle(handle.get(), handles()));
            }
            return database;
        }
        List<DSLContext> registered = List.copyOf(DATABASES.values());
        if (registered.size() != 1) {
            throw new ValidationException(BuiltinCatalogMessages.noSingleHandle(handles()));
        }
        return registered.get(0);
    }

    private static List<String> handles() {
        return DATABASES.keySet().stream().sorted().toList();
    }

    /** One database made available under one handle; closing it withdraws it (catalogs already open keep it). */
    public record Registration(String handle, DSLContext database) implements AutoCloseable {

        public Registration {
            requireNonNull(handle, "handle is null");
            requireNonNull(database, "database is null");
        }

        @Override
        public void close() {
            DATABASES.remove(handle, database);
        }
    }
}
