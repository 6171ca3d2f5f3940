package org.parley.wire;

import java.util.regex.Pattern;

/**
 * Names the signing key that signed an envelope: lower-case hex of the first 16 bytes of the
 * SHA-256 of the key's X.509 SubjectPublicKeyInfo (computed by parley-crypto).
 */
public record KeyId(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{32}");

    public KeyId {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("key id must be 32 lower-case hex digits: '" + hex + "'");
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
