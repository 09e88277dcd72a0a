package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.service.session.Session;
import org.apache.flink.table.gateway.service.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's session manager, plus what it lacks for an embedding server: it knows the open sessions and closes
 * every one of them when the server stops (Flink's own {@code stop()} leaves them open).
 */
final class TrackingSessionManager implements SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingSessionManager.class);

    private final SessionManager delegate;
    private final Set<SessionHandle> open = ConcurrentHashMap.newKeySet();

    TrackingSessionManager(SessionManager delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
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
        Session session = delegate.openSession(environment);
        open.add(session.getSessionHandle());
        return session;
    }

    @Override
    public void closeSession(SessionHandle handle) throws SqlGatewayException {
        try {
            delegate.closeSession(handle);
        } finally {
            open.remove(handle);
        }
        LOG.debug("Session {} closed", handle);
    }

    int openSessions() {
        return open.size();
    }
}
