package org.parley.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The RFC 8785 canonical UTF-8 bytes of an envelope: exactly what is signed, sent and stored. Copies
 * on the way in and out, so nobody can alter them after signing.
 */
public final class CanonicalBytes {
    private final byte[] bytes;

    private CanonicalBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps received or stored bytes as they are; whether they are canonical is checked on parse. */
    public static CanonicalBytes of(byte[] bytes) {
        return new CanonicalBytes(bytes.clone());
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The bytes as text; they are UTF-8 by RFC 8785 section 3.2.4. */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalBytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        String text = utf8();
        return "CanonicalBytes[" + bytes.length + " bytes: " + (text.length() > 80 ? text.substring(0, 80) + "…" : text)
                + "]";
    }
}
