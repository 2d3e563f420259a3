package de.stadtportal.kernel.version;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entity tags, quoted as HTTP sends them. A resource's tag is made of its id, version and whatever
 * else changes the representation (such as the locale served); a representation without a version of
 * its own (a feed) is tagged by a digest of what is sent.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(Object... parts) {
        StringBuilder tag = new StringBuilder("\"");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                tag.append('-');
            }
            tag.append(String.valueOf(parts[i]).replaceAll("[^A-Za-z0-9._:]", "_"));
        }
        return tag.append('"').toString();
    }

    /** A digest of exactly what is sent, so the tag changes exactly when the body does. */
    public static String ofContent(String kind, String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return of(kind, HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The tag without a weak prefix: a weak tag names the same version for a precondition. */
    static String strong(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
