package io.tributary.catalog.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final SecretCipher CIPHER = new SecretCipher("correct horse battery staple");
    private static final String CONTEXT = "catalog-option\u0000c1\u0000password";

    @Test
    void roundTripsAndNeverShowsThePlainText() {
        String plain = "s3cr3t-Pässwörd-✓";
        String encrypted = CIPHER.encrypt(plain, CONTEXT);

        assertThat(encrypted).startsWith(SecretCipher.VERSION_PREFIX).doesNotContain(plain);
        assertThat(SecretCipher.isEncrypted(encrypted)).isTrue();
        assertThat(CIPHER.decrypt(encrypted, CONTEXT)).isEqualTo(plain);
    }

    @Test
    void usesAFreshInitialisationVectorForEveryValue() {
        String first = CIPHER.encrypt("same", CONTEXT);
        String second = CIPHER.encrypt("same", CONTEXT);

        assertThat(first).isNotEqualTo(second);
        byte[] firstBytes = Base64.getDecoder().decode(first.substring(SecretCipher.VERSION_PREFIX.length()));
        // 12 bytes of IV, the cipher text, a 16-byte tag.
        assertThat(firstBytes).hasSize(12 + "same".length() + 16);
        assertThat(CIPHER.decrypt(first, CONTEXT)).isEqualTo(CIPHER.decrypt(second, CONTEXT)).isEqualTo("same");
    }

    @Test
    void roundTripsLongAndEmptyValues() {
        String certificate = "-----BEGIN PRIVATE KEY-----\n" + "A".repeat(5_000) + "\n-----END PRIVATE KEY-----";

        assertThat(CIPHER.decrypt(CIPHER.encrypt(certificate, CONTEXT), CONTEXT)).isEqualTo(certificate);
        assertThat(CIPHER.decrypt(CIPHER.encrypt("", CONTEXT), CONTEXT)).isEmpty();
    }

    @Test
    void anotherMasterKeyCannotDecrypt() {
        String encrypted = CIPHER.encrypt("s3cr3t", CONTEXT);
        SecretCipher other = new SecretCipher("another master key, also long");

        assertThatThrownBy(() -> other.decrypt(encrypted, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("another master key")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aValueIsBoundToItsContext() {
        String encrypted = CIPHER.encrypt("s3cr3t", CONTEXT);

        assertThatThrownBy(() -> CIPHER.decrypt(encrypted, "catalog-option\u0000c2\u0000password"))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void anAlteredValueIsRejected() {
        String encrypted = CIPHER.encrypt("s3cr3t", CONTEXT);
        byte[] bytes = Base64.getDecoder().decode(encrypted.substring(SecretCipher.VERSION_PREFIX.length()));
        bytes[bytes.length / 2] ^= 1;
        String altered = SecretCipher.VERSION_PREFIX + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> CIPHER.decrypt(altered, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void rejectsValuesItDidNotWrite() {
        assertThatThrownBy(() -> CIPHER.decrypt("plain text", CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("v1:");
        assertThatThrownBy(() -> CIPHER.decrypt("v1:not base64!", CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> CIPHER.decrypt("v1:AAAA", CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void refusesShortOrBlankMasterKeys() {
        assertThatThrownBy(() -> new SecretCipher("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> new SecretCipher(" ".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameMasterKeyDerivesTheSameKey() {
        String encrypted = CIPHER.encrypt("s3cr3t", CONTEXT);

        assertThat(new SecretCipher("correct horse battery staple").decrypt(encrypted, CONTEXT)).isEqualTo("s3cr3t");
        assertThat(CIPHER.toString()).doesNotContain("correct horse");
    }
}
