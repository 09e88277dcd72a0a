package io.tributary.catalog.secret;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the credentials Tributary keeps in its metadata database (catalog passwords, tokens, keys), so that
 * neither the database nor any file under the data directory holds them in plain text.
 *
 * <p>AES-256-GCM with a fresh random 96-bit IV for every value. The 256-bit key is derived from the configured
 * master key with PBKDF2-HMAC-SHA256 ({@value #ITERATIONS} iterations, a fixed salt naming this purpose), so the
 * master key may be a pass phrase; deriving takes a fraction of a second, once per cipher. An encrypted value is
 * self-describing text, {@code v1:<base64 of IV || cipher text || 128-bit tag>}; the version prefix leaves room
 * for another algorithm or key later. Every value is bound to a context (for a catalog option: the catalog and the
 * option key) given again to decrypt it, so an encrypted value copied to another row does not decrypt.
 *
 * <p>Thread-safe.
 */
public final class SecretCipher {

    /** The prefix of every value this cipher writes. */
    public static final String VERSION_PREFIX = "v1:";
    /** The shortest master key accepted. */
    public static final int MINIMUM_MASTER_KEY_LENGTH = 16;

    static final int ITERATIONS = 600_000;
    private static final byte[] SALT = "io.tributary.catalog.secret.SecretCipher/v1".getBytes(UTF_8);
    private static final int KEY_BITS = 256;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** Derives the key from the master key; the master key itself is not kept. */
    public SecretCipher(String masterKey) {
        requireNonNull(masterKey, "masterKey is null");
        if (masterKey.isBlank() || masterKey.length() < MINIMUM_MASTER_KEY_LENGTH) {
            throw new IllegalArgumentException("the master key for secrets must be at least "
                    + MINIMUM_MASTER_KEY_LENGTH + " characters long and not blank");
        }
        this.key = deriveKey(masterKey);
    }

    /** The encrypted form of a value, bound to {@code context}. */
    public String encrypt(String plainText, String context) {
        requireNonNull(plainText, "plainText is null");
        requireNonNull(context, "context is null");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(UTF_8));
            byte[] sealed = cipher.doFinal(plainText.getBytes(UTF_8));
            ByteBuffer output = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
            return VERSION_PREFIX + Base64.getEncoder().encodeToString(output.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The plain text of a value {@link #encrypt encrypted} with the same master key and context.
     *
     * @throws SecretDecryptionException if the value is not one this cipher wrote, was encrypted with another
     *     master key or for another context, or was altered
     */
    public String decrypt(String encrypted, String context) {
        requireNonNull(encrypted, "encrypted is null");
        requireNonNull(context, "context is null");
        if (!isEncrypted(encrypted)) {
            throw new SecretDecryptionException("the value is not in Tributary's encrypted form ("
                    + VERSION_PREFIX + "...)");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(encrypted.substring(VERSION_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("the encrypted value is not valid base64", e);
        }
        if (sealed.length < IV_BYTES + TAG_BITS / Byte.SIZE) {
            throw new SecretDecryptionException("the encrypted value is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(UTF_8));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("it was encrypted with another master key, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Whether a value has the form this cipher writes (it says nothing about which key wrote it). */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(VERSION_PREFIX);
    }

    private static SecretKey deriveKey(String masterKey) {
        char[] characters = masterKey.toCharArray();
        PBEKeySpec specification = new PBEKeySpec(characters, SALT, ITERATIONS, KEY_BITS);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(specification)
                    .getEncoded();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            specification.clearPassword();
            Arrays.fill(characters, '\0');
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM, " + VERSION_PREFIX + "]";
    }
}
