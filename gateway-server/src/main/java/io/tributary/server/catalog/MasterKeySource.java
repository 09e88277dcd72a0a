package io.tributary.server.catalog;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretCipher;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.startup.StartupFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from: the {@code tributary.secrets.master-key} setting, else the key file (created
 * with a random key, owner-only, on the first start). The key never goes under the data directory.
 */
final class MasterKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);
    private static final String KEY_SETTING = "tributary.secrets.master-key (TRIBUTARY_SECRETS_MASTER_KEY)";
    private static final String FILE_SETTING = "tributary.secrets.master-key-file";

    private MasterKeySource() {}

    static String masterKey(TributaryProperties properties) {
        TributaryProperties.Secrets secrets = requireNonNull(properties, "properties is null").secrets();
        if (secrets.masterKey() != null && !secrets.masterKey().isBlank()) {
            if (secrets.masterKey().strip().length() < SecretCipher.MINIMUM_MASTER_KEY_LENGTH) {
                throw new StartupFailure(KEY_SETTING, "the master key must have at least "
                        + SecretCipher.MINIMUM_MASTER_KEY_LENGTH + " characters");
            }
            return secrets.masterKey().strip();
        }
        Path file = secrets.masterKeyFile().toAbsolutePath().normalize();
        if (file.startsWith(properties.dataDir().toAbsolutePath().normalize())) {
            throw new StartupFailure(FILE_SETTING, file + " is inside the data directory; keep the key elsewhere,"
                    + " so that a copy of the data directory does not carry the key to its secrets");
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (key.length() < SecretCipher.MINIMUM_MASTER_KEY_LENGTH) {
                throw new StartupFailure(FILE_SETTING, file + " holds no usable key (at least "
                        + SecretCipher.MINIMUM_MASTER_KEY_LENGTH + " characters)");
            }
            return key;
        } catch (IOException e) {
            throw new StartupFailure(FILE_SETTING, "cannot read or create " + file + " (" + e.getMessage()
                    + "); set " + KEY_SETTING + " or choose another file", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.UTF_8);
        LOG.info("Created a master key for secrets at {}; back it up: without it stored credentials are lost", file);
    }
}
