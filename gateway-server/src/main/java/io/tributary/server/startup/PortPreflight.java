package io.tributary.server.startup;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Checks, before anything heavy starts, that every port the server will listen on is free, so a port in use is
 * one clear line naming its setting rather than a failure half-way through start-up.
 */
public final class PortPreflight {

    /** One port the server binds, and the setting (and environment variable) that chooses it. */
    public record Listener(String setting, String address, int port) {
        public Listener {
            requireNonNull(setting, "setting is null");
            requireNonNull(address, "address is null");
        }
    }

    private final List<Listener> listeners;

    public PortPreflight(List<Listener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void check() {
        for (Listener listener : listeners) {
            check(listener);
        }
    }

    private static void check(Listener listener) {
        InetAddress address;
        try {
            address = InetAddress.getByName(listener.address());
        } catch (IOException e) {
            throw new StartupFailure(listener.setting(), "address '" + listener.address()
                    + "' does not resolve on this machine; use 127.0.0.1 or an address of this host", e);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, listener.port()));
        } catch (IOException e) {
            throw new StartupFailure(listener.setting(), "port " + listener.port() + " on " + listener.address()
                    + " is already in use (" + e.getMessage() + "); stop what listens there or choose another port",
                    e);
        }
    }
}
