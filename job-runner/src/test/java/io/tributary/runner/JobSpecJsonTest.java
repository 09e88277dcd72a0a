package io.tributary.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecJsonTest {

    @Test
    void readsEveryPartOfASpec() throws IOException {
        JobSpec spec = JobSpecJson.read("""
                {"specVersion": 1,
                 "catalogs": [{"name": "pg", "options": {"type": "jdbc", "password": "secret"}}],
                 "catalog": "pg", "database": "public",
                 "options": {"parallelism.default": "2"},
                 "dependencies": ["CREATE TEMPORARY TABLE a (k INT) WITH ('connector' = 'datagen')"],
                 "statement": "INSERT INTO b SELECT k FROM a"}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(spec.catalogs()).containsExactly(
                new JobSpec.CatalogSpec("pg", Map.of("type", "jdbc", "password", "secret")));
        assertThat(spec.catalog()).isEqualTo("pg");
        assertThat(spec.database()).isEqualTo("public");
        assertThat(spec.options()).containsEntry("parallelism.default", "2");
        assertThat(spec.dependencies()).hasSize(1);
        assertThat(spec.statement()).isEqualTo("INSERT INTO b SELECT k FROM a");
    }

    @Test
    void aSpecOfAnotherVersionOrWithoutAStatementIsRefused() {
        assertThatThrownBy(() -> JobSpecJson.read(("{\"specVersion\": 2, \"catalog\": \"c\", \"database\": \"d\","
                + " \"statement\": \"x\"}").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("version 1, not 2");
        assertThatThrownBy(() -> JobSpecJson.read("{\"specVersion\": 1, \"catalog\": \"c\", \"database\": \"d\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("'statement'");
    }

    @Test
    void theSpecIsTheFileAfterSpec(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("spec.json"), "{}");
        assertThat(SqlJobRunner.specArgument(new String[] {"--spec", file.toString()})).isEqualTo(file.toString());
        assertThat(SqlJobRunner.readSpec(file.toString())).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SqlJobRunner.specArgument(new String[] {"--other"}))
                .hasMessageContaining("usage");
        assertThatThrownBy(() -> SqlJobRunner.readSpec(directory.resolve("missing.json").toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("no job spec");
    }
}
