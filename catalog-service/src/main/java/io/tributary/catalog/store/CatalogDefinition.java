package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretOptionPolicy;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A catalog as its creator defined it: its name, its type (Flink's {@code 'type'} option, which picks the catalog
 * factory), an optional comment and its other options, credentials marked as such.
 */
public record CatalogDefinition(String name, String type, Optional<String> comment, Map<String, OptionValue> options) {

    /** What a credential is shown as. */
    public static final String MASK = "******";
    /** The option that names the catalog type in Flink; kept apart from the other options here. */
    public static final String TYPE_OPTION = "type";

    public CatalogDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(options, "options is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a catalog name must not be blank");
        }
        if (type.isBlank()) {
            throw new IllegalArgumentException("the type of catalog '" + name + "' must not be blank");
        }
        SortedMap<String, OptionValue> copy = new TreeMap<>();
        options.forEach((key, value) -> copy.put(
                requireNonNull(key, "option key is null"),
                requireNonNull(value, () -> "value of option '" + key + "' is null")));
        if (copy.containsKey(TYPE_OPTION)) {
            throw new IllegalArgumentException("'type' of catalog '" + name + "' is its type, not one of its options");
        }
        options = Collections.unmodifiableSortedMap(copy);
    }

    /** A definition whose options are marked as credentials where {@code policy} says so. */
    public static CatalogDefinition of(
            String name, String type, Optional<String> comment, Map<String, String> options,
            SecretOptionPolicy policy) {
        requireNonNull(type, "type is null");
        requireNonNull(options, "options is null");
        requireNonNull(policy, "policy is null");
        Map<String, OptionValue> classified = new TreeMap<>();
        options.forEach((key, value) -> classified.put(key, new OptionValue(value, policy.isSecret(type, key))));
        return new CatalogDefinition(name, type, comment, classified);
    }

    /** Every option's value in clear text, as Flink needs them to open the catalog ({@code type} not included). */
    public Map<String, String> optionValues() {
        Map<String, String> values = new TreeMap<>();
        options.forEach((key, value) -> values.put(key, value.value()));
        return Collections.unmodifiableMap(values);
    }

    /** The keys of the options that are credentials. */
    public Set<String> secretKeys() {
        return options.entrySet().stream()
                .filter(entry -> entry.getValue().secret())
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** This definition as shown to people (APIs, DESCRIBE, SHOW CREATE): credentials replaced by {@link #MASK}. */
    public CatalogDefinition masked() {
        Map<String, OptionValue> masked = new TreeMap<>();
        options.forEach((key, value) -> masked.put(key, value.masked()));
        return new CatalogDefinition(name, type, comment, masked);
    }
}
