package dev.switchboard.local.files;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks downloaded bytes against the hub's ETag, computed while they are written. An LFS file's ETag
 * is the SHA-256 of its content (64 hex digits); a file kept in git has its git blob id, the SHA-1 of
 * {@code "blob <size>\0"} followed by the content (40 hex digits). Other ETags (a mirror's own) cannot
 * be checked, and then only the size is.
 */
final class ContentCheck {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

    private final String algorithm;
    private final String expected;
    private final MessageDigest digest;

    private ContentCheck(String algorithm, String expected, MessageDigest digest) {
        this.algorithm = algorithm;
        this.expected = expected.toLowerCase(Locale.ROOT);
        this.digest = digest;
    }

    /**
     * The check for a file with ETag {@code etag} and {@code size} bytes, or none when the ETag is not a
     * digest (or is a git SHA-1 of a file whose size is unknown, since the size comes first).
     */
    static Optional<ContentCheck> forEtag(String etag, long size) {
        if (SHA256.matcher(etag).matches()) return Optional.of(new ContentCheck("SHA-256", etag, digest("SHA-256")));
        if (SHA1.matcher(etag).matches() && size >= 0) {
            MessageDigest sha1 = digest("SHA-1");
            sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new ContentCheck("git blob SHA-1", etag, sha1));
        }
        return Optional.empty();
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this Java runtime, which every Java SE has", e);
        }
    }

    void update(ByteBuffer bytes) {
        digest.update(bytes);
    }

    void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    /** "SHA-256" or "git blob SHA-1". */
    String algorithm() {
        return algorithm;
    }

    String expected() {
        return expected;
    }

    /** The digest of everything given so far; call once, at the end. */
    String actual() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
