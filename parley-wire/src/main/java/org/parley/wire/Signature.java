package org.parley.wire;

import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 signature (RFC 8032: 64 bytes) over the domain-separated canonical bytes. */
public final class Signature {
    public static final int ED25519_LENGTH = 64;
    private final byte[] bytes;

    private Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Signature of(byte[] bytes) {
        if (bytes.length != ED25519_LENGTH) {
            throw new IllegalArgumentException(
                    "an Ed25519 signature is " + ED25519_LENGTH + " bytes, not " + bytes.length + " (RFC 8032 5.1.6)");
        }
        return new Signature(bytes.clone());
    }

    /** Parses unpadded base64url, the form used on the wire and in the store. */
    public static Signature fromBase64Url(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature is not base64url: " + e.getMessage(), e);
        }
        Signature signature = of(decoded);
        if (!signature.toBase64Url().equals(text)) {
            throw new IllegalArgumentException("signature must be unpadded base64url in its canonical spelling");
        }
        return signature;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public String toBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Signature[" + toBase64Url() + "]";
    }
}
