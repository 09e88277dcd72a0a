package io.tributary.catalog.builtin;

import java.util.List;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.ObjectPath;

/**
 * Every message the {@code tributary} catalog type shows users beyond Flink's own catalog exceptions, in one place
 * so that the wording stays consistent and tests can name the message they expect.
 */
final class BuiltinCatalogMessages {

    private BuiltinCatalogMessages() {}

    static String unknownHandle(String handle, List<String> registered) {
        return "No metadata database is registered under the handle '" + handle + "' (option '"
                + TributaryCatalogOptions.METADATA_HANDLE.key() + "'); registered: " + describe(registered) + ".";
    }

    static String noSingleHandle(List<String> registered) {
        if (registered.isEmpty()) {
            return "A catalog of type '" + TributaryCatalogOptions.IDENTIFIER + "' is kept in the server's metadata "
                    + "database, and none is registered in this process (BuiltinCatalogRegistry).";
        }
        return "Several metadata databases are registered (" + describe(registered) + "): name one with the "
                + "option '" + TributaryCatalogOptions.METADATA_HANDLE.key() + "'.";
    }

    static String nameTooLong(String what, String name, int maximum) {
        return "The " + what + " name '" + abbreviate(name) + "' has " + name.length()
                + " characters; the tributary catalog keeps names of at most " + maximum + ".";
    }

    static String propertyKeyTooLong(String key, int maximum) {
        return "The property key '" + abbreviate(key) + "' has " + key.length()
                + " characters; the tributary catalog keeps keys of at most " + maximum + ".";
    }

    static String notResolved(ObjectPath path, CatalogBaseTable table) {
        return "The tributary catalog stores resolved tables and views only (as Flink's planner passes them); "
                + path.getFullName() + " is a " + table.getClass().getName() + ".";
    }

    static String kindMismatch(ObjectPath path, String existing, String replacement) {
        return "Cannot alter " + path.getFullName() + ": it is a " + existing + ", not a " + replacement + ".";
    }

    static String storageFailure(String action, String cause) {
        return "The metadata database could not " + action + ": " + cause;
    }

    private static String describe(List<String> handles) {
        return handles.isEmpty() ? "none" : String.join(", ", handles);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
