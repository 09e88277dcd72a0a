package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.service.session.Session;
import org.apache.flink.table.gateway.service.session.SessionManager;
import org.apache.flink.table.gateway.service.session.SessionManagerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's session manager, plus what it lacks for an embedding server: it knows the open sessions and closes
 * every one of them when the server stops (Flink's own {@code stop()} leaves them open), and it lets what watches
 * sessions from outside Flink's service (the statement recorder) read them without touching them.
 */
final class TrackingSessionManager implements SessionManager, GatewaySessions {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingSessionManager.class);

    /** Session options a client may never set: the server chooses the catalog store of every session. */
    private static final String CATALOG_STORE_PREFIX = "table.catalog-store.";

    private final SessionManager delegate;
    private final Set<String> protectedKeys;
    private final Set<SessionHandle> open = ConcurrentHashMap.newKeySet();
    private final Map<SessionHandle, Session> sessions = new ConcurrentHashMap<>();

    TrackingSessionManager(SessionManager delegate, Set<String> protectedKeys) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.protectedKeys = Set.copyOf(protectedKeys);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void stop() {
        for (SessionHandle handle : Set.copyOf(open)) {
            try {
                closeSession(handle);
            } catch (SqlGatewayException alreadyGone) {
                // Expired by Flink's idle-session cleanup in the meantime.
                open.remove(handle);
                sessions.remove(handle);
            }
        }
        delegate.stop();
    }

    @Override
    public Session getSession(SessionHandle handle) throws SqlGatewayException {
        return delegate.getSession(handle);
    }

    @Override
    public Session openSession(SessionEnvironment environment) throws SqlGatewayException {
        Session session = delegate.openSession(withoutProtectedOptions(environment));
        open.add(session.getSessionHandle());
        sessions.put(session.getSessionHandle(), session);
        return session;
    }

    @Override
    public void closeSession(SessionHandle handle) throws SqlGatewayException {
        try {
            delegate.closeSession(handle);
        } finally {
            open.remove(handle);
            sessions.remove(handle);
        }
        LOG.debug("Session {} closed", handle);
    }

    private SessionEnvironment withoutProtectedOptions(SessionEnvironment environment) {
        Map<String, String> allowed = new LinkedHashMap<>();
        environment.getSessionConfig().forEach((key, value) -> {
            if (protectedKeys.contains(key) || key.startsWith(CATALOG_STORE_PREFIX)) {
                LOG.warn("Ignoring session option {} asked for by a client: the server sets it", key);
            } else {
                allowed.put(key, value);
            }
        });
        if (allowed.size() == environment.getSessionConfig().size()) {
            return environment;
        }
        SessionEnvironment.Builder builder = SessionEnvironment.newBuilder()
                .setSessionEndpointVersion(environment.getSessionEndpointVersion())
                .addSessionConfig(allowed);
        environment.getSessionName().ifPresent(builder::setSessionName);
        environment.getDefaultCatalog().ifPresent(builder::setDefaultCatalog);
        environment.getRegisteredCatalogCreators().forEach(builder::registerCatalogCreator);
        List<Map.Entry<String, SessionEnvironment.ModuleCreator>> modules =
                new ArrayList<>(environment.getRegisteredModuleCreators().entrySet());
        Collections.reverse(modules);
        modules.forEach(module -> builder.registerModuleCreatorAtHead(module.getKey(), module.getValue()));
        return builder.build();
    }

    int openSessions() {
        return open.size();
    }

    @Override
    public Optional<Session> session(SessionHandle handle) {
        return isOpen(handle) ? Optional.ofNullable(sessions.get(handle)) : Optional.empty();
    }

    /** Also forgets a session Flink's idle-session cleanup closed (which does not come through here). */
    @Override
    public boolean isOpen(SessionHandle handle) {
        boolean alive = delegate instanceof SessionManagerImpl flink
                ? flink.isSessionAlive(handle) : sessions.containsKey(handle);
        if (!alive) {
            open.remove(handle);
            sessions.remove(handle);
        }
        return alive;
    }
}
