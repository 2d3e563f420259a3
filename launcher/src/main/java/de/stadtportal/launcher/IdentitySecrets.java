package de.stadtportal.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The local provider's secrets, made at the first {@code up} and kept in
 * {@code .stadtportal/identity/secrets.properties} (readable by the owner only): the password and salt
 * that encrypt its signing keys in the database, and the secret of the machine clients that
 * {@code ./stadtportal token} and the tests use. Kept, because the keys in the database stay readable
 * only with the same password.
 *
 * @param keyPassword  {@code STADTPORTAL_IDENTITY_KEY_PASSWORD}
 * @param keySalt      {@code STADTPORTAL_IDENTITY_KEYS_SALT} (hex)
 * @param clientSecret the secret of {@code stadtportal-cli}; the tests' further machine clients have
 *                     secrets of their own made from it (the provider refuses two clients with one secret)
 */
public record IdentitySecrets(String keyPassword, String keySalt, String clientSecret) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secrets under {@code home}, made now if there are none yet. */
    static synchronized IdentitySecrets of(Path home) {
        Path file = home.resolve("identity").resolve("secrets.properties");
        Properties values = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    values.load(reader);
                }
            } else {
                values.setProperty("key-password", random(24));
                values.setProperty("key-salt", random(8));
                values.setProperty("client-secret", random(24));
                Files.createDirectories(file.getParent());
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the home directory's own permissions protect it
                }
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    values.store(writer, "the local identity provider's secrets; delete .stadtportal to start afresh");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
        return new IdentitySecrets(values.getProperty("key-password"), values.getProperty("key-salt"),
                values.getProperty("client-secret"));
    }

    /** The secret of one machine client of the local provider. */
    public String clientSecret(String clientId) {
        return clientId.equals(LocalPlatform.CLI_CLIENT) ? clientSecret : clientSecret + "-" + clientId;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
