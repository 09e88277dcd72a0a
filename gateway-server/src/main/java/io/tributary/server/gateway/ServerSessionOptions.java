package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Session options the server itself sets on every gateway session (e.g. the catalog store), which a client can
 * neither see changed nor override: keys with these prefixes are removed from what a client asks for.
 */
public record ServerSessionOptions(String purpose, Map<String, String> options) {

    public ServerSessionOptions {
        requireNonNull(purpose, "purpose is null");
        options = Map.copyOf(options);
    }
}
