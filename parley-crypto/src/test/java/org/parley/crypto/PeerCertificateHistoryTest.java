package org.parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.crypto.Fixtures.RANDOM;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.TestClock;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * Issue 19, item 8: a peer that re-issues the certificate of one of its signing keys (same key,
 * validity starting later) must not make its earlier envelopes unverifiable on our side. Every
 * certificate seen for a key is kept; none replaces another.
 */
class PeerCertificateHistoryTest {
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void learn_sameKeyReissuedWithLaterValidity_earlierEnvelopeStillVerifies(@TempDir Path tmp) {
        TestClock clock = new TestClock(T0);
        List<String> hosts = List.of("localhost");
        PartyIdentity blue =
                PartyIdentity.init(tmp.resolve("blue"), Party.of("BLUE"), hosts, Optional.empty(), clock, RANDOM);
        PartyIdentity red =
                PartyIdentity.init(tmp.resolve("red"), Party.of("RED"), hosts, Optional.empty(), clock, RANDOM);
        blue.pinEachOther(red);
        X509Certificate original = blue.signingCertificates().get(0);
        red.learnPeerSigningCertificate(pem(original));

        SignedEnvelope early = blue.signer().sign(envelope(T0.plus(Duration.ofDays(1)), blue));
        assertThat(red.verifier().verify(early).envelope().id()).isNotNull();

        // BLUE (holding its CA key) re-issues the same public key with a validity starting 100 days later.
        PrivateKey caKey = KeyFiles.readPrivateKey(tmp.resolve("blue/ca.key"), Optional.empty());
        X509Certificate reissued = Certificates.issueSigning(
                Party.of("BLUE"),
                original.getPublicKey(),
                blue.caCertificate(),
                caKey,
                T0.plus(Duration.ofDays(100)),
                RANDOM);
        assertThat(Certificates.keyId(reissued.getPublicKey())).isEqualTo(Certificates.keyId(original.getPublicKey()));

        // In memory, as the federation learns it from a batch ...
        Verifier running = red.verifier();
        running.learn(pem(reissued));
        assertThat(running.verify(early).envelope().id()).isNotNull();
        // ... and on disk, as the node keeps it for later proofs.
        red.learnPeerSigningCertificate(pem(reissued));
        assertThat(red.peerSigningCertificates()).contains(original, reissued);
        assertThat(red.verifier().verify(early).envelope().id()).isNotNull();
        // Learning a certificate again adds no copy.
        red.learnPeerSigningCertificate(pem(reissued));
        assertThat(red.peerSigningCertificates()).hasSize(2);
    }

    private static Envelope envelope(Instant created, PartyIdentity from) {
        return Envelope.builder(new TestClock(created), RANDOM)
                .from(Party.of("BLUE"))
                .to(Party.of("RED"))
                .precedence(Precedence.FLASH)
                .category(org.parley.wire.Category.SAFETY)
                .languages("en")
                .payload(new Payload.Text("turn away now"))
                .signer(from.currentSigningKeyId())
                .build();
    }

    private static byte[] pem(X509Certificate certificate) {
        return PartyIdentity.pem(certificate).getBytes(StandardCharsets.US_ASCII);
    }
}
