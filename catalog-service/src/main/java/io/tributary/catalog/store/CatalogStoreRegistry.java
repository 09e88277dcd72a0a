package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where {@link TributaryCatalogStoreFactory} finds the catalog stores the server runs in this process.
 *
 * <p>The one piece of static state in Tributary, on purpose: Flink finds catalog store factories with Java's
 * ServiceLoader and creates them with no arguments, from a session configuration that clients can read, so the
 * server can pass neither a live object nor database credentials to them. Instead it registers its
 * {@link SessionCatalogStores} here at start-up under a handle that cannot be guessed, puts only the handle in the
 * session defaults, and closes the registration at shutdown.
 */
public final class CatalogStoreRegistry {

    private static final ConcurrentMap<String, SessionCatalogStores> REGISTERED = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HANDLE_BYTES = 24;

    private CatalogStoreRegistry() {}

    /** Registers the stores under a new random handle, until the registration is closed. */
    public static Registration register(SessionCatalogStores stores) {
        requireNonNull(stores, "stores is null");
        while (true) {
            byte[] random = new byte[HANDLE_BYTES];
            RANDOM.nextBytes(random);
            String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (REGISTERED.putIfAbsent(handle, stores) == null) {
                return new Registration(handle, stores);
            }
        }
    }

    /** The stores registered under {@code handle}, if the registration is still open. */
    public static Optional<SessionCatalogStores> lookup(String handle) {
        requireNonNull(handle, "handle is null");
        return Optional.ofNullable(REGISTERED.get(handle));
    }

    /** One registration: its handle goes into the session configuration; closing it removes it. */
    public static final class Registration implements AutoCloseable {

        private final String handle;
        private final SessionCatalogStores stores;

        private Registration(String handle, SessionCatalogStores stores) {
            this.handle = handle;
            this.stores = stores;
        }

        public String handle() {
            return handle;
        }

        @Override
        public void close() {
            REGISTERED.remove(handle, stores);
        }

        @Override
        public String toString() {
            return "CatalogStoreRegistry.Registration[" + handle + "]";
        }
    }
}
