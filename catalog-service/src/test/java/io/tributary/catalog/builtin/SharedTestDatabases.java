package io.tributary.catalog.builtin;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.util.EnumMap;
import java.util.Map;

/**
 * One migrated metadata database of each kind for a whole test class, made on first use and dropped on close.
 * Tests of the {@code tributary} catalog share it: each test uses catalogs of its own name, which are separate
 * namespaces in the same tables.
 */
final class SharedTestDatabases implements AutoCloseable {

    private final Map<MetadataDatabaseKind, TestDatabase> databases = new EnumMap<>(MetadataDatabaseKind.class);

    synchronized TestDatabase get(MetadataDatabaseKind kind) {
        return databases.computeIfAbsent(kind, k -> TestDatabase.create(k).migrate());
    }

    @Override
    public synchronized void close() {
        databases.values().forEach(TestDatabase::close);
        databases.clear();
    }
}
