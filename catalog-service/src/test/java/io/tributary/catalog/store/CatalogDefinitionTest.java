package io.tributary.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.secret.SecretOptionPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogDefinitionTest {

    private static final CatalogDefinition DEFINITION = CatalogDefinition.of("pg", "jdbc", Optional.of("orders"),
            Map.of("base-url", "jdbc:postgresql://db:5432", "username", "reader", "password", "pw-7781"),
            SecretOptionPolicy.defaults());

    @Test
    void marksCredentialsByPolicy() {
        assertThat(DEFINITION.secretKeys()).containsExactly("password");
        assertThat(DEFINITION.options().get("username")).isEqualTo(OptionValue.plain("reader"));
        assertThat(DEFINITION.optionValues()).containsEntry("password", "pw-7781").doesNotContainKey("type");
    }

    @Test
    void theMaskedViewHidesCredentialsOnly() {
        CatalogDefinition masked = DEFINITION.masked();

        assertThat(masked.optionValues())
                .containsEntry("password", CatalogDefinition.MASK)
                .containsEntry("username", "reader")
                .containsEntry("base-url", "jdbc:postgresql://db:5432");
        assertThat(masked.secretKeys()).containsExactly("password");
        assertThat(masked.name()).isEqualTo("pg");
        assertThat(masked.type()).isEqualTo("jdbc");
        assertThat(masked.comment()).contains("orders");
    }

    @Test
    void neverPrintsACredential() {
        assertThat(DEFINITION.toString()).doesNotContain("pw-7781").contains(CatalogDefinition.MASK, "reader");
    }

    @Test
    void keepsTheTypeApartFromTheOptions() {
        assertThatThrownBy(() -> new CatalogDefinition("c", "jdbc", Optional.empty(),
                Map.of("type", OptionValue.plain("hive"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'type'");
        assertThatThrownBy(() -> new CatalogDefinition(" ", "jdbc", Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatalogDefinition("c", "", Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsAreACopyInKeyOrder() {
        HashMap<String, OptionValue> options = new HashMap<>();
        options.put("b", OptionValue.plain("2"));
        options.put("a", OptionValue.plain("1"));
        CatalogDefinition definition = new CatalogDefinition("c", "generic_in_memory", Optional.empty(), options);
        options.put("c", OptionValue.plain("3"));

        assertThat(definition.options().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> definition.options().put("d", OptionValue.plain("4")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
