package io.tributary.catalog.secret;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of credentials in free text — error messages and log lines that echo options back, as Flink's
 * do ({@code properties: [{password=...}]}, {@code 'password' = '...'}). Which keys are credentials is the
 * {@link SecretOptionPolicy}'s decision.
 */
public final class SecretRedactor {

    public static final String MASK = "******";

    /** {@code key=value} as Flink prints option maps; the value runs to the next separator. */
    private static final Pattern PROPERTY = Pattern.compile("([A-Za-z0-9_.\\-]+)=([^,}\\]\\s]*)");
    /** {@code 'key' = 'value'} as in the text of a statement. */
    private static final Pattern SQL_OPTION = Pattern.compile("'([^']+)'(\\s*=\\s*)'((?:[^']|'')*)'");
    /** {@code "key":"value"} as in JSON. */
    private static final Pattern JSON_OPTION = Pattern.compile("\"([^\"]+)\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final SecretOptionPolicy policy;

    public SecretRedactor(SecretOptionPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    /** Whether an option with this key holds a credential (by the policy's rule for any catalog type). */
    public boolean isSecret(String key) {
        return policy.isSecret("", requireNonNull(key, "key is null"));
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(SQL_OPTION.matcher(text), 1, 3);
        masked = replace(JSON_OPTION.matcher(masked), 1, 3);
        return replace(PROPERTY.matcher(masked), 1, 2);
    }

    private String replace(Matcher matcher, int keyGroup, int valueGroup) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(keyGroup);
            String whole = matcher.group();
            String replacement = whole;
            if (policy.isSecret("", key) && !matcher.group(valueGroup).isEmpty()) {
                int start = matcher.start(valueGroup) - matcher.start();
                int end = matcher.end(valueGroup) - matcher.start();
                replacement = whole.substring(0, start) + MASK + whole.substring(end);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
