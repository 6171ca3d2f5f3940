package org.parley.cli.keys;

import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.Fingerprint;
import org.parley.crypto.PartyIdentity;

/** What {@code parley keys show} prints: fingerprints laid out for reading aloud, or JSON. */
final class KeysReport {
    private KeysReport() {}

    static void print(PartyIdentity identity, PrintWriter out) {
        out.println("Party " + identity.party() + " (keys in " + identity.directory() + ")");
        out.println();
        out.println("Party CA certificate, SHA-256 fingerprint (read this to the other party):");
        out.println(indent(Fingerprint.of(identity.caCertificate()).forReading()));
        out.println("Node TLS certificate:  "
                + Fingerprint.of(identity.tlsCertificate()).grouped());
        out.println("Signing key (current): " + identity.currentSigningKeyId());
        for (X509Certificate certificate : identity.signingCertificates()) {
            out.println("  certificate " + Fingerprint.of(certificate).grouped() + "  valid "
                    + certificate.getNotBefore().toInstant() + " .. "
                    + certificate.getNotAfter().toInstant());
        }
        Optional<X509Certificate> peer = identity.peerCaCertificate();
        if (peer.isPresent()) {
            out.println(
                    "Pinned peer CA (" + peer.get().getSubjectX500Principal().getName() + "):");
            out.println(indent(Fingerprint.of(peer.get()).forReading()));
        } else {
            out.println("Peer CA: not pinned yet (parley keys trust --peer-ca FILE)");
        }
    }

    private static String indent(String text) {
        return text.lines()
                .map(line -> "  " + line)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    static String json(PartyIdentity identity) {
        List<String> signing = new ArrayList<>();
        for (X509Certificate certificate : identity.signingCertificates()) {
            signing.add(quote(Fingerprint.of(certificate).hex()));
        }
        Optional<X509Certificate> peer = identity.peerCaCertificate();
        return "{\"party\":" + quote(identity.party().name())
                + ",\"caSha256\":"
                + quote(Fingerprint.of(identity.caCertificate()).hex())
                + ",\"tlsSha256\":"
                + quote(Fingerprint.of(identity.tlsCertificate()).hex())
                + ",\"signingKeyId\":" + quote(identity.currentSigningKeyId().hex())
                + ",\"signingCertificatesSha256\":[" + String.join(",", signing) + "]"
                + ",\"peerCaSha256\":"
                + peer.map(p -> quote(Fingerprint.of(p).hex())).orElse("null")
                + "}";
    }

    private static String quote(String text) {
        // Values here are hex digits, party names and key ids: no characters need escaping.
        return "\"" + text + "\"";
    }
}
