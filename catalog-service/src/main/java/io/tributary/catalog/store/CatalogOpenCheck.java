package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.factories.FactoryUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before a new catalog is stored, that Flink can open it: its type names a catalog factory on the
 * session's class path, the factory accepts its options, and the catalog opens (reaches its service, finds its
 * default database); then closes it again.
 *
 * <p>Flink 1.20's {@code CREATE CATALOG} stores the descriptor first and creates and opens the catalog after, so
 * without this check a typo in an option or a wrong password would leave a catalog in the store that no session
 * can open. The catalog is created exactly as Flink creates it (same factory, configuration and class loader);
 * Flink opens it once more right after it is stored.
 *
 * <p>Flink's own error lists every option with its value; the error raised here keeps the reason only, with the
 * values of credentials masked, and does not carry Flink's exception along (it would reach the logs).
 */
public final class CatalogOpenCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogOpenCheck.class);
    private static final String FLINK_OPTION_LISTING = "Catalog options are:";

    private final ReadableConfig configuration;
    private final ClassLoader classLoader;

    public CatalogOpenCheck(ReadableConfig configuration, ClassLoader classLoader) {
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
    }

    /** @throws CatalogDefinitionException if Flink cannot create or open the catalog of the definition */
    public void check(CatalogDefinition definition) {
        requireNonNull(definition, "definition is null");
        Map<String, String> options = new TreeMap<>(definition.optionValues());
        options.put(CatalogDefinition.TYPE_OPTION, definition.type());
        Catalog catalog;
        try {
            catalog = FactoryUtil.createCatalog(definition.name(), options, configuration, classLoader);
        } catch (RuntimeException e) {
            throw rejected(definition, "Flink cannot create it from its options", e);
        }
        try {
            catalog.open();
        } catch (RuntimeException e) {
            throw rejected(definition, "it cannot be opened", e);
        } finally {
            close(definition.name(), catalog);
        }
    }

    private static void close(String name, Catalog catalog) {
        try {
            catalog.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing catalog {} after its check failed: {}", name, e.getClass().getName());
        }
    }

    private static CatalogDefinitionException rejected(CatalogDefinition definition, String what, Throwable e) {
        return new CatalogDefinitionException(CatalogDefinitionError.INVALID_CATALOG_DEFINITION,
                CatalogMessages.cannotOpen(definition.name(), what, reason(e, definition)));
    }

    /** The messages of the failure and its causes, without Flink's listing of the options, secrets masked. */
    private static String reason(Throwable failure, CatalogDefinition definition) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            int listing = message.indexOf(FLINK_OPTION_LISTING);
            message = (listing < 0 ? message : message.substring(0, listing)).strip();
            if (!message.isEmpty() && reason.indexOf(message) < 0) {
                reason.append(reason.isEmpty() ? "" : " ").append(message);
            }
        }
        String text = reason.isEmpty() ? failure.getClass().getSimpleName() : reason.toString();
        for (OptionValue value : definition.options().values()) {
            if (value.secret() && !value.value().isEmpty()) {
                text = text.replace(value.value(), CatalogDefinition.MASK);
            }
        }
        return text;
    }
}
