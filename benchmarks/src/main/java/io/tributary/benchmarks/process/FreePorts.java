package io.tributary.benchmarks.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports that are free on one address at the time of asking, chosen by the operating system. All sockets of one
 * request are held open until every port is chosen, so the ports of one request are distinct.
 */
public final class FreePorts {

    private static final int MAX_PORTS = 16;

    private final InetAddress address;

    public FreePorts(InetAddress address) {
        this.address = requireNonNull(address, "address is null");
    }

    public List<Integer> allocate(int count) throws IOException {
        if (count < 1 || count > MAX_PORTS) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_PORTS + ": " + count);
        }
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            List<Integer> ports = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, address);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return List.copyOf(ports);
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
