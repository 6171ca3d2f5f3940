package org.parley.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a certificate's DER encoding: what two operators read to each other over the phone
 * before pinning a peer CA.
 */
public record Fingerprint(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9A-F]{64}");

    public Fingerprint {
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("fingerprint must be 64 upper-case hex digits: '" + hex + "'");
        }
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(HexFormat.of().withUpperCase().formatHex(sha256(certificate.getEncoded())));
        } catch (CertificateEncodingException e) {
            throw new CryptoException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * Sixteen groups of four hex digits, four groups to a line, numbered so that a reader can say
     * "line 3: 9F2A 0C11 ..." and the listener can find the place.
     */
    public String forReading() {
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < 4; line++) {
            out.append(line + 1).append(':');
            for (int group = 0; group < 4; group++) {
                int start = (line * 4 + group) * 4;
                out.append(' ').append(hex, start, start + 4);
            }
            if (line < 3) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Groups of four separated by spaces, on one line. */
    public String grouped() {
        return forReading().replaceAll("\n?\\d: ", " ").strip();
    }

    @Override
    public String toString() {
        return "SHA256:" + hex;
    }
}
