package io.tributary.benchmarks.catalogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogsBenchmarkOptionsTest {

    @Test
    void defaults() {
        CatalogsBenchmarkOptions options = CatalogsBenchmarkOptions.parse(List.of());

        assertThat(options).isEqualTo(CatalogsBenchmarkOptions.DEFAULTS);
        assertThat(options.catalogs()).isEqualTo(20);
        assertThat(options.jdbcCatalogs()).isEqualTo(5);
        assertThat(options.postgresUser()).isEqualTo("postgres");
    }

    @Test
    void numbersAndTheUserName() {
        CatalogsBenchmarkOptions options = CatalogsBenchmarkOptions.parse(List.of("--iterations", "7",
                "--catalogs=3", "--tables", "10", "--postgres-user", "root", "--postgres-port=5433"));

        assertThat(options.iterations()).isEqualTo(7);
        assertThat(options.catalogs()).isEqualTo(3);
        assertThat(options.jdbcCatalogs()).as("at most all catalogs are JDBC ones").isEqualTo(3);
        assertThat(options.tables()).isEqualTo(10);
        assertThat(options.postgresUser()).isEqualTo("root");
        assertThat(options.postgresPort()).isEqualTo(5433);
        assertThat(options.text()).contains("--catalogs 3 --jdbc-catalogs 3 --tables 10");
    }

    @Test
    void rejectsWhatCannotBeRun() {
        assertThatThrownBy(() -> CatalogsBenchmarkOptions.parse(List.of("--jdbc-catalogs", "21")))
                .hasMessageContaining("--jdbc-catalogs must be between 1 and 20");
        assertThatThrownBy(() -> CatalogsBenchmarkOptions.parse(List.of("--postgres-user", "x; DROP ROLE y")))
                .hasMessageContaining("plain PostgreSQL role name");
        assertThatThrownBy(() -> CatalogsBenchmarkOptions.parse(List.of("--tables", "lots")))
                .hasMessageContaining("whole number");
    }
}
