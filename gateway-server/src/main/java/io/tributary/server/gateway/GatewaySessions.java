package io.tributary.server.gateway;

import java.util.Optional;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.session.Session;

/**
 * The open sessions of the embedded gateway, for what watches them from outside Flink's service (the statement
 * recorder): a session's context (its catalog manager, configuration, operations). Looking a session up here does
 * not count as using it, so it does not keep an idle session from expiring.
 */
public interface GatewaySessions {

    /** The session, while it is open. */
    Optional<Session> session(SessionHandle handle);

    /** Whether the session is still open (not closed, not expired). */
    boolean isOpen(SessionHandle handle);
}
