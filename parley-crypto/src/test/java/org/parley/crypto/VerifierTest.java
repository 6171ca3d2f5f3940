package org.parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.crypto.Fixtures.BLUE;
import static org.parley.crypto.Fixtures.NOW;
import static org.parley.crypto.Fixtures.RED;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.VerificationException.Reason;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;
import org.parley.testing.TestClock;
import org.parley.wire.CanonicalBytes;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.ParseResult;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Signature;
import org.parley.wire.SignedEnvelope;

class VerifierTest {

    private static final List<String> PAYLOAD_TYPES = List.of(
            "text",
            "safety-notice",
            "link-test",
            "receipt",
            "ack",
            "dialogue-request",
            "dialogue-answer",
            "channel-notice");

    private static final int ROUND_TRIP_TRIES = 400;
    private static final AtomicInteger ROUND_TRIPS = new AtomicInteger();
    private static final Set<String> ROUND_TRIPPED_TYPES = ConcurrentHashMap.newKeySet();

    @SeededTest(tries = ROUND_TRIP_TRIES)
    void verify_signedFramedAndParsedEnvelope_returnsTheSameEnvelope(SplittableRandom random) {
        Envelope envelope = Fixtures.blueToRedEnvelope(random);
        byte[] frame = EnvelopeCodec.frame(Fixtures.blue().signer().sign(envelope));

        SignedEnvelope received = EnvelopeCodec.unframe(frame).orElseThrow();
        VerifiedEnvelope verified = Fixtures.red().verifier().verify(received);

        assertThat(verified.envelope()).isEqualTo(envelope);
        ROUND_TRIPPED_TYPES.add(envelope.payload().type());
        ROUND_TRIPS.incrementAndGet();
        assertThat(verified.signed().canonical().toByteArray())
                .isEqualTo(java.util.Arrays.copyOf(frame, received.canonical().length()));
    }

    /** Every payload kind went through the round trip in a full run (not in a one-seed replay). */
    @AfterAll
    static void afterAll_fullRoundTripRun_coveredEveryPayloadType() {
        if (ROUND_TRIPS.get() >= ROUND_TRIP_TRIES) {
            assertThat(ROUND_TRIPPED_TYPES).containsExactlyInAnyOrderElementsOf(PAYLOAD_TYPES);
        }
    }

    private static final SignedEnvelope STORED = Fixtures.blue()
            .signer()
            .sign(Fixtures.blueToRed(NOW.plusSeconds(60))
                    .payload(new Payload.SafetyNotice(
                            List.of("SEA-CPA-01", "SEA-KEEP-CLEAR"),
                            java.util.Map.of("rangeYards", "150", "bearingDegrees", "045"),
                            "Destroyer crossed bow at 150 yd"))
                    .build());

    private static final Verifier RED_VERIFIER = Fixtures.red().verifier();

    @SeededTest(tries = 2000)
    void verify_anyByteOfStoredFrameMutated_fails(SplittableRandom random) {
        // position as a fraction of the frame (in millionths), and a non-zero XOR mask
        int[] mutation = {Generators.intBetween(random, 0, 999_999), Generators.intBetween(random, 1, 255)};
        byte[] frame = EnvelopeCodec.frame(STORED);
        int position = (int) ((long) mutation[0] * frame.length / 1_000_000);
        frame[position] ^= (byte) mutation[1];
        Verifier verifier = RED_VERIFIER;

        boolean rejected = switch (EnvelopeCodec.unframe(frame)) {
            case ParseResult.Rejected<SignedEnvelope> r -> true;
            case ParseResult.Parsed<SignedEnvelope> parsed -> {
                try {
                    verifier.verify(parsed.value());
                    yield false;
                } catch (VerificationException e) {
                    yield true;
                }
            }
        };

        assertThat(rejected)
                .as("mutated byte %d of %d with mask %d", position, frame.length, mutation[1])
                .isTrue();
    }

    @Test
    void verify_flippedSignatureBit_failsWithBadSignature() {
        byte[] signature = STORED.signature().toByteArray();
        signature[10] ^= 0x01;

        assertThatThrownBy(() -> Fixtures.red().verifier().verify(STORED.canonical(), Signature.of(signature)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                .hasMessageContaining(
                        "does not verify with key " + Fixtures.blue().currentSigningKeyId());
    }

    @Test
    void verify_signatureWithoutDomainSeparation_failsWithBadSignature() throws Exception {
        java.security.Signature raw = java.security.Signature.getInstance("Ed25519");
        raw.initSign(Fixtures.blue().signer().privateKeyForLedger());
        raw.update(STORED.canonical().toByteArray());
        Signature undomained = Signature.of(raw.sign());

        assertThatThrownBy(() -> Fixtures.red().verifier().verify(STORED.canonical(), undomained))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void verify_prettyPrintedBytes_failsAsMalformed() {
        byte[] pretty = STORED.canonical().utf8().replace(",\"", ", \"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.red().verifier().verify(CanonicalBytes.of(pretty), STORED.signature()))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("not the RFC 8785 canonical form");
    }

    @Test
    void verify_signerNotLearned_failsWithUnknownKey(@TempDir Path dir) {
        PartyIdentity blue2 = PartyIdentity.init(
                dir.resolve("b"), BLUE, List.of("localhost"), Optional.empty(), new TestClock(NOW), Fixtures.RANDOM);
        Envelope envelope = Fixtures.blueToRed(NOW)
                .signer(blue2.currentSigningKeyId())
                .payload(new Payload.Text("hi"))
                .build();
        SignedEnvelope signed = blue2.signer().sign(envelope);

        assertThatThrownBy(() -> Fixtures.red().verifier().verify(signed))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY))
                .hasMessageContaining("no certificate is known for signer key " + blue2.currentSigningKeyId());
    }

    @Test
    void verify_signerCertifiedByAnotherCa_failsAsNotCertified(@TempDir Path dir) {
        // An impostor makes its own "BLUE" CA; RED has pinned the real BLUE CA.
        PartyIdentity impostor = PartyIdentity.init(
                dir.resolve("i"), BLUE, List.of("localhost"), Optional.empty(), new TestClock(NOW), Fixtures.RANDOM);
        Verifier verifier = new Verifier(RED, Fixtures.blue().caCertificate(), impostor.signingCertificates());
        Envelope envelope = Fixtures.blueToRed(NOW)
                .signer(impostor.currentSigningKeyId())
                .payload(new Payload.Text("trust me"))
                .build();

        assertThatThrownBy(() -> verifier.verify(impostor.signer().sign(envelope)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CERTIFIED))
                .hasMessageContaining("not signed by the pinned peer CA");
    }

    @Test
    void learn_certificateOfAnotherCa_isRefusedAsNotCertified(@TempDir Path dir) {
        PartyIdentity impostor = PartyIdentity.init(
                dir.resolve("i"), BLUE, List.of("localhost"), Optional.empty(), new TestClock(NOW), Fixtures.RANDOM);

        assertThatThrownBy(() -> Fixtures.red()
                        .verifier()
                        .learn(impostor.signingCertificates().get(0)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CERTIFIED));
    }

    @Test
    void learn_tlsCertificateOfThePeer_isRefusedAsNotASigningCertificate() {
        assertThatThrownBy(() -> Fixtures.red().verifier().learn(Fixtures.blue().tlsCertificate()))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CERTIFIED))
                .hasMessageContaining("not an Ed25519 envelope-signing certificate");
    }

    @Test
    void verify_createdAfterCertificateExpiry_failsAsExpired() {
        Instant late = NOW.plus(Certificates.LEAF_VALIDITY).plus(Duration.ofDays(1));
        SignedEnvelope signed = Fixtures.blue()
                .signer()
                .sign(Fixtures.blueToRed(late).payload(new Payload.Text("late")).build());

        assertThatThrownBy(() -> Fixtures.red().verifier().verify(signed))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_EXPIRED))
                .hasMessageContaining("expired at");
    }

    @Test
    void verify_createdAnHourBeforeTheKeyWasMade_verifies() {
        // A signer whose clock was stepped back an hour just after its keys were made (issue 20).
        Instant stepped = NOW.minus(Duration.ofHours(1));
        SignedEnvelope signed = Fixtures.blue()
                .signer()
                .sign(Fixtures.blueToRed(stepped)
                        .payload(new Payload.Text("clock stepped back"))
                        .build());

        assertThat(Fixtures.red().verifier().verify(signed).envelope().created())
                .isEqualTo(stepped);
    }

    @Test
    void verify_createdBeforeCertificateStart_failsAsNotYetValid() {
        Instant early = NOW.minus(Certificates.VALID_BEFORE_MADE).minusSeconds(1);
        SignedEnvelope signed = Fixtures.blue()
                .signer()
                .sign(Fixtures.blueToRed(early)
                        .payload(new Payload.Text("early"))
                        .build());

        assertThatThrownBy(() -> Fixtures.red().verifier().verify(signed))
                .isInstanceOfSatisfying(
                        VerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_YET_VALID))
                .hasMessageContaining("is valid only from");
    }

    @Test
    void verify_envelopeAddressedToAThirdParty_failsWithWrongParty() {
        Envelope envelope = Envelope.builder(new TestClock(NOW), Fixtures.RANDOM)
                .from(BLUE)
                .to(Party.of("GREEN"))
                .signer(Fixtures.blue().currentSigningKeyId())
                .payload(new Payload.Text("not for RED"))
                .build();

        assertThatThrownBy(() -> Fixtures.red()
                        .verifier()
                        .verify(Fixtures.blue().signer().sign(envelope)))
                .isInstanceOfSatisfying(
                        VerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PARTY))
                .hasMessageContaining("is addressed to GREEN, not to this party RED");
    }

    @Test
    void verify_ownEnvelopeReflectedBack_failsWithWrongParty() {
        // BLUE's node receives an envelope BLUE signed itself (a reflection): BLUE's verifier trusts RED only.
        SignedEnvelope signed = Fixtures.blue()
                .signer()
                .sign(Fixtures.blueToRed(NOW).payload(new Payload.Text("echo")).build());

        assertThatThrownBy(() -> Fixtures.blue().verifier().verify(signed))
                .isInstanceOf(VerificationException.class)
                .satisfies(e ->
                        assertThat(((VerificationException) e).reason()).isIn(Reason.UNKNOWN_KEY, Reason.WRONG_PARTY));
    }

    @Test
    void sign_envelopeNamingAnotherSigner_isRefused() {
        Envelope envelope = Fixtures.blueToRed(NOW)
                .signer(Fixtures.red().currentSigningKeyId())
                .payload(new Payload.Text("x"))
                .build();

        assertThatThrownBy(() -> Fixtures.blue().signer().sign(envelope)).hasMessageContaining("names signer");
    }
}
