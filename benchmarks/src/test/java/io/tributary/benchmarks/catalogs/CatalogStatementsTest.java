package io.tributary.benchmarks.catalogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogStatementsTest {

    private static final PostgresConnection POSTGRES =
            new PostgresConnection("127.0.0.1", 5432, "tributary_bench_ab12", "tributary_bench_ab12", "s3cr'et");

    @Test
    void inMemoryCatalogsFirstThenJdbcOnes() {
        List<CatalogStatements.CatalogDefinition> catalogs = CatalogStatements.catalogs(4, 2, POSTGRES);

        assertThat(catalogs).extracting(CatalogStatements.CatalogDefinition::name)
                .containsExactly("c01", "c02", "c03", "c04");
        assertThat(catalogs).extracting(CatalogStatements.CatalogDefinition::type)
                .containsExactly("generic_in_memory", "generic_in_memory", "jdbc", "jdbc");
        assertThat(catalogs.get(0).createStatement())
                .isEqualTo("CREATE CATALOG c01 WITH ('type' = 'generic_in_memory')");
        assertThat(catalogs.get(3).createStatement()).isEqualTo("CREATE CATALOG c04 WITH ('type' = 'jdbc',"
                + " 'base-url' = 'jdbc:postgresql://127.0.0.1:5432', 'default-database' = 'tributary_bench_ab12',"
                + " 'username' = 'tributary_bench_ab12', 'password' = 's3cr''et')");
    }

    @Test
    void rejectsMoreJdbcCatalogsThanCatalogs() {
        assertThatThrownBy(() -> CatalogStatements.catalogs(2, 3, POSTGRES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tablesAreNumberedToTheWidthOfTheirCount() {
        assertThat(CatalogStatements.createTable(7, 200)).startsWith("CREATE TABLE public.t_007 (id BIGINT PRIMARY KEY");
        assertThat(CatalogStatements.tableName(42, 5_000)).isEqualTo("t_0042");
        assertThatThrownBy(() -> CatalogStatements.createTable(201, 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theUrlsOfTheConnection() {
        assertThat(POSTGRES.baseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432");
        assertThat(POSTGRES.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tributary_bench_ab12");
    }
}
