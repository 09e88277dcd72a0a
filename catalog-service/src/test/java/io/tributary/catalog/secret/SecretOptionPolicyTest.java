package io.tributary.catalog.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretOptionPolicyTest {

    private static final SecretOptionPolicy DEFAULTS = SecretOptionPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "password", "PASSWORD", "Password", "passwd", "ssl.truststore.password", "ssl.key.password",
        "properties.password", "DB_PASSWORD", "SSLPassword", "private-key-passphrase",
        "secret", "client-secret", "client_secret", "clientSecret", "oauth2.client.secret",
        "token", "hive.metastore.token", "access-token", "sasToken",
        "credential", "credentials", "oauth2.credential", "gcp.credentials",
        "access-key", "s3.access-key", "fs.s3a.access.key", "s3.secret-access-key",
        "secret-key", "s3.secret-key", "fs.s3a.secret.key", "SECRET_KEY", "s3SecretKey",
        "private-key", "ssl.private-key", "privateKey", "api-key", "apiKey", "azure.account-key",
        "encryption-key", "properties.sasl.jaas.config", "security.jaas.config", "rest.apikey", "service-key",
        "auth-params", "http.basic-auth", "sink.http-headers"
    })
    void recognisesCredentials(String key) {
        assertThat(DEFAULTS.isSecret("jdbc", key)).as(key).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "type", "url", "username", "user", "default-database", "base-url", "hive-conf-dir", "warehouse",
        "primary-key", "primaryKey", "key-columns", "key.fields", "key.format", "partition.key", "sort-key",
        "key", "keys", "kms.key", "password-file", "passwordFile", "token-endpoint", "oauth2-server-uri",
        "secret-name", "max-tokens", "tokens", "s3.access-key-id", "accessKeyId", "credentials-file",
        "sasl.mechanism", "jaas", "passwords-enabled", "keytab", "security.kerberos.login.keytab"
    })
    void leavesOtherOptionsAlone(String key) {
        assertThat(DEFAULTS.isSecret("jdbc", key)).as(key).isFalse();
    }

    @Test
    void catalogTypesAddSuffixesOfTheirOwn() {
        SecretOptionPolicy policy = new SecretOptionPolicy(Map.of(
                "Iceberg", List.of("sas-token-value", "rest.auth.basic.user-secret-blob"),
                "hive", List.of("keytab-content")));

        assertThat(policy.isSecret("iceberg", "adls.sas-token-value")).isTrue();
        assertThat(policy.isSecret("ICEBERG", "rest.auth.basic.user_secret_blob")).isTrue();
        assertThat(policy.isSecret("hive", "kerberos.keytab-content")).isTrue();
        assertThat(policy.isSecret("jdbc", "kerberos.keytab-content")).as("only for its type").isFalse();
        assertThat(policy.isSecret("hive", "keytab")).isFalse();
        assertThat(policy.isSecret("jdbc", "password")).as("defaults still apply").isTrue();
    }

    @Test
    void refusesEmptySuffixes() {
        assertThatThrownBy(() -> new SecretOptionPolicy(Map.of("hive", List.of("..-"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must contain a word");
    }

    @Test
    void splitsKeysIntoWords() {
        assertThat(SecretOptionPolicy.words("fs.s3a.secretKey")).containsExactly("fs", "s3a", "secret", "key");
        assertThat(SecretOptionPolicy.words("SSLPassword")).containsExactly("ssl", "password");
        assertThat(SecretOptionPolicy.words("s3SecretKey")).containsExactly("s3", "secret", "key");
        assertThat(SecretOptionPolicy.words("DB_PASSWORD")).containsExactly("db", "password");
        assertThat(SecretOptionPolicy.words("accessKeyID")).containsExactly("access", "key", "id");
    }
}
