package org.parley.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.Signer;
import org.parley.testing.TestClock;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * The bundle check against what the rest of Parley really produces: party CAs and signing
 * certificates from parley-crypto, an envelope canonicalised and signed by its {@link Signer}.
 */
class CryptoInteropTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void verifyBundle_realIdentitiesAndSignedEnvelope_passesEveryCheck() {
        PartyIdentity blue = identity("BLUE");
        PartyIdentity red = identity("RED");
        Signer blueSigner = blue.signer();
        Ledger blueLedger = ledger(blue);
        Ledger redLedger = ledger(red);
        Envelope envelope = Envelope.builder(clock, random)
                .from(new Party("BLUE"))
                .to(new Party("RED"))
                .precedence(Precedence.FLASH)
                .payload(new Payload.Text("Your destroyer is crossing our bow at 900 yards."))
                .signer(blueSigner.keyId())
                .build();
        SignedEnvelope signed = blueSigner.sign(envelope);
        long leaf = blueLedger.append(signed.canonical().toByteArray());

        clock.advance(Duration.ofMinutes(10));
        CrossCheck.Consistent consistent = (CrossCheck.Consistent) redLedger.crossCheck(
                blueLedger.offerTreeHead(redLedger.lastSeenPeerSize()),
                signingCertificate(blue).getPublicKey());
        blueLedger.acceptCountersignature(
                consistent.countersigned(), signingCertificate(red).getPublicKey());
        ProofBundle bundle = blueLedger.proofBundle(
                leaf,
                signed.canonical().toByteArray(),
                SignatureBytes.of(signed.signature().toByteArray()),
                List.of(signingCertificate(blue)),
                List.of(signingCertificate(blue)),
                List.of(signingCertificate(red)));

        BundleReport report = Ledger.verifyBundle(bundle.toJson(), List.of(red.caCertificate(), blue.caCertificate()));

        assertThat(report.failures()).isEmpty();
        assertThat(report.checks()).hasSize(8);
    }

    private PartyIdentity identity(String party) {
        return PartyIdentity.init(
                dir.resolve(party), new Party(party), List.of("localhost"), Optional.empty(), clock, random);
    }

    private Ledger ledger(PartyIdentity identity) {
        KeyPair keys = new KeyPair(
                signingCertificate(identity).getPublicKey(), identity.signer().privateKeyForLedger());
        return Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), keys, clock);
    }

    private static X509Certificate signingCertificate(PartyIdentity identity) {
        List<X509Certificate> certificates = identity.signingCertificates();
        return certificates.get(certificates.size() - 1);
    }
}
