package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.factories.FactoryUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Flink finds the {@code tributary} catalog type by its identifier and creates it on the metadata database the
 * server registered: by handle, or the only one registered when none is named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TributaryCatalogFactoryIT {

    private final TestDatabase database = TestDatabase.create(MetadataDatabaseKind.H2).migrate();

    @AfterAll
    void dropDatabase() {
        database.close();
    }

    private static Catalog create(Map<String, String> options) {
        Catalog catalog = FactoryUtil.createCatalog("c", options, new Configuration(),
                TributaryCatalogFactoryIT.class.getClassLoader());
        catalog.open();
        return catalog;
    }

    @Test
    void usesTheOnlyRegisteredDatabaseWhenNoHandleIsNamed() throws Exception {
        try (BuiltinCatalogRegistry.Registration registration =
                BuiltinCatalogRegistry.register("metadata", database.dsl())) {
            Catalog catalog = create(Map.of("type", "tributary"));
            assertThat(catalog).isInstanceOf(TributaryCatalog.class);
            assertThat(catalog.getDefaultDatabase()).isEqualTo("default");
            assertThat(catalog.listDatabases()).contains("default");
        }
    }

    @Test
    void usesTheNamedHandleAndTheDefaultDatabaseOption() throws Exception {
        try (BuiltinCatalogRegistry.Registration first = BuiltinCatalogRegistry.register("one", database.dsl());
                BuiltinCatalogRegistry.Registration second = BuiltinCatalogRegistry.register("two", database.dsl())) {
            Catalog catalog = create(Map.of("type", "tributary", "metadata-handle", "two",
                    "default-database", "landing"));
            assertThat(catalog.getDefaultDatabase()).isEqualTo("landing");
            assertThat(catalog.databaseExists("landing")).isTrue();
        }
    }

    @Test
    void saysClearlyWhenThereIsNoDatabaseToUse() {
        assertThatThrownBy(() -> create(Map.of("type", "tributary")))
                .isInstanceOf(ValidationException.class)
                .rootCause()
                .hasMessage(BuiltinCatalogMessages.noSingleHandle(List.of()));
        try (BuiltinCatalogRegistry.Registration first = BuiltinCatalogRegistry.register("one", database.dsl());
                BuiltinCatalogRegistry.Registration second = BuiltinCatalogRegistry.register("two", database.dsl())) {
            assertThatThrownBy(() -> create(Map.of("type", "tributary")))
                    .rootCause()
                    .hasMessage(BuiltinCatalogMessages.noSingleHandle(List.of("one", "two")));
            assertThatThrownBy(() -> create(Map.of("type", "tributary", "metadata-handle", "three")))
                    .rootCause()
                    .hasMessage(BuiltinCatalogMessages.unknownHandle("three", List.of("one", "two")));
        }
    }

    @Test
    void rejectsOptionsItDoesNotKnow() {
        try (BuiltinCatalogRegistry.Registration registration =
                BuiltinCatalogRegistry.register("metadata", database.dsl())) {
            assertThatThrownBy(() -> create(Map.of("type", "tributary", "password", "secret")))
                    .isInstanceOf(ValidationException.class)
                    .hasStackTraceContaining("Unsupported options")
                    .hasStackTraceContaining("password");
        }
    }

    @Test
    void aHandleIsRegisteredOnceAndWithdrawnOnClose() {
        BuiltinCatalogRegistry.Registration registration = BuiltinCatalogRegistry.register("once", database.dsl());
        assertThatThrownBy(() -> BuiltinCatalogRegistry.register("once", database.dsl()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A metadata database is already registered under the handle 'once'");
        registration.close();
        assertThatThrownBy(() -> create(Map.of("type", "tributary", "metadata-handle", "once")))
                .rootCause()
                .hasMessage(BuiltinCatalogMessages.unknownHandle("once", List.of()));
        BuiltinCatalogRegistry.register("once", database.dsl()).close();
    }
}
