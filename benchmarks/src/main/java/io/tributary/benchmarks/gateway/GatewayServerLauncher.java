package io.tributary.benchmarks.gateway;

import java.io.IOException;

/** Starts one kind of server under test, fresh (new ports, new directories), without waiting for it. */
public interface GatewayServerLauncher {

    /** How the results name this server. */
    String name();

    GatewayServer launch() throws IOException;
}
