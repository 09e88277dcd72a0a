package io.tributary.server.api;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who asks: the user the request names (header {@code X-Tributary-User}) until authentication lands, else
 * {@code anonymous}. Recorded with every change a request makes.
 */
public final class Actor {

    public static final String HEADER = "X-Tributary-User";

    private Actor() {}

    public static String of(HttpServletRequest request) {
        String user = request.getHeader(HEADER);
        return user == null || user.isBlank() ? "anonymous" : user.strip();
    }
}
