package io.tributary.catalog.store;

/**
 * Every message about catalog definitions that reaches a user, in one place so the wording stays consistent and
 * tests can name it. Messages name the catalog, never an option's value.
 */
final class CatalogMessages {

    private CatalogMessages() {}

    static String alreadyExists(String name) {
        return "catalog '" + name + "' already exists";
    }

    static String createdConcurrently(String name) {
        return "catalog '" + name + "' already exists (created concurrently by another session)";
    }

    static String notFound(String name) {
        return "catalog '" + name + "' does not exist";
    }

    static String changedConcurrently(String name, long expectedVersion, long currentVersion) {
        return "catalog '" + name + "' was changed by another session at the same time (version " + currentVersion
                + ", this change was based on version " + expectedVersion + "); run the statement again";
    }

    static String missingType(String name) {
        return "catalog '" + name + "' has no 'type' option; every catalog needs one, for example "
                + "WITH ('type'='generic_in_memory')";
    }

    static String tooLong(String name, String what, int limit) {
        return "catalog '" + name + "' was not stored: " + what + " is longer than the " + limit
                + " characters the metadata database holds";
    }

    static String rejectedByDatabase(String name, String reason) {
        return "catalog '" + name + "' was not stored: the metadata database rejected it (" + reason + ")";
    }

    static String cannotOpen(String name, String what, String reason) {
        return "catalog '" + name + "' was not stored: " + what + ": " + reason;
    }

    static String secretUnreadable(String name, String optionKey, String reason) {
        return "the secret option '" + optionKey + "' of catalog '" + name + "' cannot be decrypted: " + reason
                + "; the master key configured for secrets must be the one it was stored with";
    }

    /** @param name the catalog, or null when the action concerns all of them */
    static String metadataDatabaseFailure(String action, String name) {
        String target = name == null ? "the catalogs" : "catalog '" + name + "'";
        return "could not " + action + " " + target + ": the metadata database failed";
    }

    static String storeClosed() {
        return "the Tributary catalog store of this session is closed";
    }

    static String unknownHandle(String key, String handle) {
        return "no Tributary catalog store is registered in this process under " + key + "='" + handle
                + "'; the server sets this option itself at start-up, and a handle does not outlive the server";
    }
}
