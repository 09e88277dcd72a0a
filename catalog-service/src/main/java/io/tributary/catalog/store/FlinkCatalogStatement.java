package io.tributary.catalog.store;

import java.util.Map;

/**
 * Which of Flink's catalog statements is calling the catalog store, read from the call stack.
 *
 * <p>Flink 1.20's {@code CatalogStore} has no "alter" and no "show" call, so the store cannot otherwise tell:
 * <ul>
 *   <li>{@code ALTER CATALOG}: {@code CatalogManager.alterCatalog} reads the descriptor, then calls
 *       {@code removeCatalog} and {@code storeCatalog}. Done literally, other sessions would see the catalog vanish
 *       for a moment, and a failure between the two calls would lose it. Knowing the caller, the store makes the
 *       two calls one conditional update instead.
 *   <li>{@code DESCRIBE CATALOG} and {@code SHOW CREATE CATALOG} print the options of the descriptor the store
 *       returns. Knowing the caller, the store returns credentials masked to them (and in clear only to the code
 *       that opens the catalog).
 * </ul>
 * This depends on Flink's internal class and method names, so the tests run those statements against a real
 * {@code TableEnvironment}: an upgrade of Flink that moves them fails the tests instead of leaking a secret.
 */
enum FlinkCatalogStatement {
    ALTER_CATALOG,
    SHOW_CATALOG,
    /**
     * A gateway session closing: Flink's {@code SessionContext.close} asks for every catalog of the store in order
     * to close it, which would create and open every stored catalog (connecting to every JDBC database and
     * metastore) just to close it again. The catalogs the session did open are closed without the store.
     */
    SESSION_CLOSE,
    OTHER;

    private static final Map<String, FlinkCatalogStatement> CALLERS = Map.of(
            "org.apache.flink.table.catalog.CatalogManager#alterCatalog", ALTER_CATALOG,
            "org.apache.flink.table.operations.DescribeCatalogOperation#execute", SHOW_CATALOG,
            "org.apache.flink.table.operations.ShowCreateCatalogOperation#execute", SHOW_CATALOG,
            "org.apache.flink.table.gateway.service.context.SessionContext#close", SESSION_CLOSE);

    private static final StackWalker STACK = StackWalker.getInstance();

    /** The statement on the current thread's stack, or {@link #OTHER}. */
    static FlinkCatalogStatement current() {
        return STACK.walk(frames -> frames
                .map(frame -> CALLERS.get(frame.getClassName() + "#" + frame.getMethodName()))
                .filter(statement -> statement != null)
                .findFirst()
                .orElse(OTHER));
    }
}
