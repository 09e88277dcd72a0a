package io.tributary.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataMigrator;
import io.tributary.metadata.MetadataSchema;
import io.tributary.metadata.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The metadata schema migrates and round-trips on both kinds of metadata database: H2 and MariaDB. */
class ServerInstanceRepositoryIT {

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void migratesOnceAndStoresInstances(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind)) {
            MetadataMigrator migrator = new MetadataMigrator(database.dataSource());
            List<MetadataMigrator.MigratedSchema> first = migrator.migrate(List.of(MetadataSchema.CATALOG_SERVICE));
            List<MetadataMigrator.MigratedSchema> again = migrator.migrate(List.of(MetadataSchema.CATALOG_SERVICE));
            assertThat(first.get(0).migrationsApplied()).isPositive();
            assertThat(again.get(0).migrationsApplied()).isZero();
            assertThat(again.get(0).version()).isEqualTo(first.get(0).version());

            ServerInstanceRepository repository = new ServerInstanceRepository(database.dsl());
            Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ServerInstance older = new ServerInstance("a", "host-a", "1.0", 8080, 8083, "http://127.0.0.1:8081",
                    started.minusSeconds(60), Optional.empty());
            ServerInstance newer = new ServerInstance("b", "host-b", "1.1", 9080, 9083, "http://127.0.0.1:9081",
                    started, Optional.empty());
            repository.insert(older);
            repository.insert(newer);

            assertThat(repository.markStopped("a", started)).isTrue();
            assertThat(repository.markStopped("a", started.plusSeconds(1))).as("already stopped").isFalse();
            assertThat(repository.markStopped("missing", started)).isFalse();

            assertThat(repository.count()).isEqualTo(2);
            assertThat(repository.recent(10)).extracting(ServerInstance::id).containsExactly("b", "a");
            assertThat(repository.find("a")).get().satisfies(found -> {
                assertThat(found.stoppedAt()).contains(started);
                assertThat(found.running()).isFalse();
                assertThat(found.flinkRestUrl()).isEqualTo("http://127.0.0.1:8081");
            });
            assertThat(repository.find("b")).contains(newer);
        }
    }
}
