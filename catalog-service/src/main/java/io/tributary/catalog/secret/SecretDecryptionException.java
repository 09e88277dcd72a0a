package io.tributary.catalog.secret;

/** A stored secret that cannot be decrypted: another master key wrote it, or it was altered. */
public final class SecretDecryptionException extends RuntimeException {

    public SecretDecryptionException(String message) {
        super(message);
    }

    public SecretDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
