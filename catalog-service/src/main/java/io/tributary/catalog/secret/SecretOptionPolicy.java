package io.tributary.catalog.secret;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides which catalog options are credentials: those are encrypted at rest and masked wherever a catalog is
 * shown.
 *
 * <p>The rule. An option key is split into words at {@code .}, {@code -} and {@code _} and where the case changes
 * from lower to upper ({@code s3.secretKey} is s3, secret, key; {@code SSLPassword} is ssl, password), and words
 * are compared ignoring case. The option is a secret when its words <em>end with</em> the words of one of the
 * secret suffixes. The default suffixes ({@link #DEFAULT_SECRET_SUFFIXES}) are
 * <ul>
 *   <li>the credentials themselves: {@code password}, {@code passwd}, {@code passphrase}, {@code secret},
 *       {@code token}, {@code credential}, {@code credentials};
 *   <li>keys that say what they are: {@code access-key}, {@code secret-key}, {@code private-key},
 *       {@code api-key}, {@code apikey}, {@code account-key}, {@code encryption-key}, {@code service-key};
 *   <li>options that carry credentials inside: {@code jaas.config} (Kafka's {@code sasl.jaas.config}),
 *       {@code auth-params}, {@code basic-auth}, {@code http-headers} (these and {@code apikey},
 *       {@code service-key} are among the keys Flink itself hides in its logs).
 * </ul>
 * So {@code password}, {@code ssl.truststore.password}, {@code client-secret}, {@code hive.metastore.token},
 * {@code oauth2.credential}, {@code s3.secret-key}, {@code fs.s3a.secret.key}, {@code s3.secret-access-key} and
 * {@code SECRET_KEY} are secrets. Only whole trailing words count, so {@code primary-key},
 * {@code key-columns}, {@code partition.key}, {@code password-file}, {@code token-endpoint},
 * {@code secret-name}, {@code max-tokens} and {@code s3.access-key-id} are not: a bare {@code key} is a secret
 * only after one of the words above. The option {@code type} never is. (Unlike Flink's own substring rule, a key
 * that only has a credential word in its middle, such as {@code fs.azure.account.key.<account>.dfs...}, is not
 * caught; catalog options name such keys rarely.)
 *
 * <p>Catalog types can add suffixes of their own (written the same way, for example {@code sas-token} or
 * {@code keytab-content}); they apply to catalogs of that type (compared ignoring case) on top of the defaults.
 */
public final class SecretOptionPolicy {

    /** The suffixes that make an option a secret in every catalog, whatever its type. */
    public static final List<String> DEFAULT_SECRET_SUFFIXES = List.of(
            "password", "passwd", "passphrase", "secret", "token", "credential", "credentials",
            "access-key", "secret-key", "private-key", "api-key", "apikey", "account-key", "encryption-key",
            "service-key", "jaas.config", "auth-params", "basic-auth", "http-headers");

    private static final String TYPE_OPTION = "type";

    private final List<List<String>> defaultSuffixes;
    private final Map<String, List<List<String>>> extraSuffixesByType;

    /** The default suffixes plus, for catalogs of each type named, the extra ones given for it. */
    public SecretOptionPolicy(Map<String, ? extends Collection<String>> extraSuffixesByType) {
        requireNonNull(extraSuffixesByType, "extraSuffixesByType is null");
        this.defaultSuffixes = parseAll(DEFAULT_SECRET_SUFFIXES);
        Map<String, List<List<String>>> extras = new HashMap<>();
        extraSuffixesByType.forEach((type, suffixes) -> {
            requireNonNull(type, "catalog type is null");
            requireNonNull(suffixes, "suffixes of catalog type " + type + " are null");
            extras.computeIfAbsent(type.toLowerCase(Locale.ROOT), ignored -> new ArrayList<>())
                    .addAll(parseAll(suffixes));
        });
        extras.replaceAll((type, suffixes) -> List.copyOf(suffixes));
        this.extraSuffixesByType = Map.copyOf(extras);
    }

    /** The default suffixes only. */
    public static SecretOptionPolicy defaults() {
        return new SecretOptionPolicy(Map.of());
    }

    /** Whether the option {@code optionKey} of a catalog of type {@code catalogType} is a credential. */
    public boolean isSecret(String catalogType, String optionKey) {
        requireNonNull(catalogType, "catalogType is null");
        requireNonNull(optionKey, "optionKey is null");
        if (optionKey.equalsIgnoreCase(TYPE_OPTION)) {
            return false;
        }
        List<String> words = words(optionKey);
        return endsWithAny(words, defaultSuffixes)
                || endsWithAny(words, extraSuffixesByType.getOrDefault(catalogType.toLowerCase(Locale.ROOT),
                        List.of()));
    }

    private static boolean endsWithAny(List<String> words, List<List<String>> suffixes) {
        for (List<String> suffix : suffixes) {
            if (words.size() >= suffix.size() && words.subList(words.size() - suffix.size(), words.size())
                    .equals(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> parseAll(Collection<String> suffixes) {
        List<List<String>> parsed = new ArrayList<>();
        for (String suffix : suffixes) {
            List<String> words = words(requireNonNull(suffix, "secret suffix is null"));
            if (words.isEmpty()) {
                throw new IllegalArgumentException("a secret suffix must contain a word: '" + suffix + "'");
            }
            parsed.add(words);
        }
        return List.copyOf(parsed);
    }

    /** The lower-case words of a key: split at '.', '-', '_' and where the case changes from lower to upper. */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '-' || c == '_' || Character.isWhitespace(c)) {
                flush(word, words);
            } else {
                if (Character.isUpperCase(c) && i > 0 && startsWord(key, i)) {
                    flush(word, words);
                }
                word.append(Character.toLowerCase(c));
            }
        }
        flush(word, words);
        return words;
    }

    /** An upper-case letter starts a word after a lower-case letter or digit, or ends an acronym ("SSLPassword"). */
    private static boolean startsWord(String key, int index) {
        char previous = key.charAt(index - 1);
        if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
            return true;
        }
        return Character.isUpperCase(previous)
                && index + 1 < key.length()
                && Character.isLowerCase(key.charAt(index + 1));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
