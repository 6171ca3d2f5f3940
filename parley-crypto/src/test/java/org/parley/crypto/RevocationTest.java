package org.parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.TestClock;
import org.parley.wire.Envelope;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.SignedEnvelope;

/**
 * Issue 19, item 12: revoking a peer signing key, by a revocation list the peer's CA signed (RFC
 * 5280 CRL) or by this node's decision. Envelopes created from the revocation on are refused;
 * earlier ones still verify.
 */
class RevocationTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant REVOKED_FROM = T0.plus(Duration.ofHours(1));

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(T0);

    @SuppressWarnings("NullAway.Init") // set in @BeforeEach
    private PartyIdentity blue;

    @SuppressWarnings("NullAway.Init")
    private PartyIdentity red;

    @SuppressWarnings("NullAway.Init")
    private Signer firstKey;

    @SuppressWarnings("NullAway.Init")
    private SignedEnvelope beforeRevocation;

    @SuppressWarnings("NullAway.Init")
    private SignedEnvelope afterRevocation;

    @BeforeEach
    void parties() {
        blue = PartyIdentity.init(
                root.resolve("blue"), Party.of("BLUE"), List.of("localhost"), Optional.empty(), clock, RANDOM);
        red = PartyIdentity.init(
                root.resolve("red"), Party.of("RED"), List.of("localhost"), Optional.empty(), clock, RANDOM);
        blue.pinEachOther(red);
        firstKey = red.signer();
        beforeRevocation = firstKey.sign(envelope(T0.plus(Duration.ofMinutes(30)), firstKey));
        afterRevocation = firstKey.sign(envelope(T0.plus(Duration.ofHours(2)), firstKey));
    }

    private Envelope envelope(Instant created, Signer signer) {
        return Envelope.builder(new TestClock(created), RANDOM)
                .from(Party.of("RED"))
                .to(Party.of("BLUE"))
                .signer(signer.keyId())
                .payload(new Payload.Text("signed at " + created))
                .build();
    }

    /** RED rotates away from its first key and revokes it from {@link #REVOKED_FROM}; BLUE knows both keys. */
    private Verifier revokedByRedCa() {
        red.rotateSigningKey(clock);
        red.revokeSigningKey(firstKey.keyId(), REVOKED_FROM, clock);
        Verifier verifier = blue.verifier();
        red.signingCertificates().forEach(verifier::learn);
        return verifier;
    }

    @Test
    void learnRevocationList_signedByPeerCa_refusesEnvelopesCreatedFromThenOn() {
        Verifier verifier = revokedByRedCa();
        List<Revocation> added = verifier.learnRevocationList(pem(red));

        assertThat(added).singleElement().satisfies(r -> {
            assertThat(r.keyId()).isEqualTo(firstKey.keyId());
            assertThat(r.revokedAt()).isEqualTo(REVOKED_FROM);
            assertThat(r.source()).isEqualTo(Revocation.Source.PEER_CA);
        });
        assertThat(verifier.verify(beforeRevocation).envelope().created()).isBefore(REVOKED_FROM);
        assertThatThrownBy(() -> verifier.verify(afterRevocation))
                .isInstanceOfSatisfying(
                        VerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(VerificationException.Reason.REVOKED))
                .hasMessageContaining(firstKey.keyId().hex())
                .hasMessageContaining(REVOKED_FROM.toString());
        Signer secondKey = red.signer();
        assertThat(verifier.verify(secondKey.sign(envelope(T0.plus(Duration.ofHours(2)), secondKey))))
                .isNotNull();
        assertThat(verifier.learnRevocationList(pem(red)))
                .as("the same list again adds nothing")
                .isEmpty();
    }

    @Test
    void learnRevocationList_signedByAnotherCa_isRefused() {
        revokedByRedCa();
        PartyIdentity impostor = PartyIdentity.init(
                root.resolve("impostor"), Party.of("RED"), List.of("localhost"), Optional.empty(), clock, RANDOM);
        KeyId impostorsFirst = impostor.currentSigningKeyId();
        impostor.rotateSigningKey(clock);
        impostor.revokeSigningKey(impostorsFirst, T0, clock);
        Verifier verifier = blue.verifier();

        assertThatThrownBy(() -> verifier.learnRevocationList(pem(impostor)))
                .isInstanceOfSatisfying(
                        VerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(VerificationException.Reason.NOT_CERTIFIED))
                .hasMessageContaining("not signed by the pinned CA");
    }

    @Test
    void learnRevocationList_alteredAfterSigning_isRefused() {
        Verifier verifier = revokedByRedCa();
        String text = new String(pem(red), StandardCharsets.US_ASCII);
        String base64 = text.replaceAll("-----[A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        der[der.length - 10] ^= 0x01; // inside the signature

        assertThatThrownBy(() -> verifier.learnRevocationList(der)).isInstanceOf(VerificationException.class);
        assertThat(verifier.verify(afterRevocation)).as("nothing was learned").isNotNull();
    }

    @Test
    void revoke_localDecision_refusesFromItsInstantAndEarliestWins() {
        Verifier verifier = blue.verifier();
        verifier.learn(firstKey.certificatePem().getBytes(StandardCharsets.US_ASCII));
        verifier.revoke(
                new Revocation(firstKey.keyId(), T0.plus(Duration.ofHours(5)), Revocation.Source.LOCAL, "later"));
        assertThat(verifier.verify(afterRevocation)).isNotNull();

        verifier.revoke(new Revocation(firstKey.keyId(), REVOKED_FROM, Revocation.Source.LOCAL, "lost laptop"));

        assertThat(verifier.verify(beforeRevocation)).isNotNull();
        assertThatThrownBy(() -> verifier.verify(afterRevocation))
                .hasMessageContaining("this node's operators (lost laptop)");
        assertThat(verifier.revocations())
                .singleElement()
                .satisfies(r -> assertThat(r.revokedAt()).isEqualTo(REVOKED_FROM));
    }

    @Test
    void applyPeerRevocations_keptListAndLocalDecision_holdInANewVerifier() {
        revokedByRedCa();
        assertThat(blue.keepPeerRevocationList(pem(red))).isTrue();
        assertThat(blue.keepPeerRevocationList(pem(red))).as("kept once").isFalse();
        Signer secondKey = red.signer();
        blue.keepPeerRevocation(new Revocation(secondKey.keyId(), REVOKED_FROM, Revocation.Source.LOCAL, "drill"));

        PartyIdentity reloaded = PartyIdentity.load(root.resolve("blue"), Optional.empty(), RANDOM);
        Verifier fresh = reloaded.verifier();
        red.signingCertificates().forEach(fresh::learn);
        reloaded.applyPeerRevocations(fresh);

        assertThatThrownBy(() -> fresh.verify(afterRevocation)).hasMessageContaining("party CA");
        assertThatThrownBy(() -> fresh.verify(secondKey.sign(envelope(T0.plus(Duration.ofHours(2)), secondKey))))
                .hasMessageContaining("drill");
        assertThat(fresh.verify(beforeRevocation)).isNotNull();
    }

    @Test
    void revokeSigningKey_currentKey_isRefusedUntilRotated() {
        KeyId current = red.currentSigningKeyId();
        assertThatThrownBy(() -> red.revokeSigningKey(current, T0, clock)).hasMessageContaining("keys rotate");
        assertThat(red.revocationListPem()).isEmpty();
    }

    private static byte[] pem(PartyIdentity identity) {
        return identity.revocationListPem().orElseThrow().getBytes(StandardCharsets.US_ASCII);
    }
}
