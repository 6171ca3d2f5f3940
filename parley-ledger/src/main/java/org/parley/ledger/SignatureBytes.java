package org.parley.ledger;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 signature (RFC 8032 section 5.1.6: 64 bytes), copied on the way in and out. */
public final class SignatureBytes {
    /** RFC 8032 section 5.1.6: R (32 bytes) || S (32 bytes). */
    public static final int ED25519_BYTES = 64;

    private final byte[] bytes;

    private SignatureBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SignatureBytes of(byte[] bytes) {
        if (bytes.length != ED25519_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, got " + bytes.length);
        }
        return new SignatureBytes(bytes.clone());
    }

    /** Parses standard base64 (RFC 4648 section 4); throws IllegalArgumentException saying why. */
    public static SignatureBytes fromBase64(String base64) {
        return of(Base64.getDecoder().decode(base64));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] bytes() {
        return bytes;
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignatureBytes signature && MessageDigest.isEqual(bytes, signature.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
