package io.tributary.catalog.builtin;

import io.tributary.metadata.testing.TestDatabase;
import java.time.Clock;
import java.util.UUID;

/** Fresh {@code tributary} catalogs for tests, each under a name of its own (a namespace of its own). */
final class Catalogs {

    private Catalogs() {}

    static String uniqueName() {
        return "catalog_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A new, opened catalog (its default database {@code default} created) under a new name. */
    static TributaryCatalog openNew(TestDatabase database) {
        return open(database, uniqueName());
    }

    static TributaryCatalog open(TestDatabase database, String name) {
        TributaryCatalog catalog = new TributaryCatalog(name, "default", database.dsl(), Clock.systemUTC());
        catalog.open();
        return catalog;
    }
}
