package org.parley.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.Signer;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.crypto.Verifier;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * BLUE and RED identities that trust each other, created in a folder (once per JVM unless a
 * folder is given, as the crash writer does), and helpers to make signed traffic between them.
 */
final class Keys {
    static final Party BLUE = Party.of("BLUE");
    static final Party RED = Party.of("RED");
    static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();

    private static Keys shared;

    final PartyIdentity blue;
    final PartyIdentity red;
    final Signer blueSigner;
    final Signer redSigner;
    final Verifier redVerifier;
    final Verifier blueVerifier;

    private Keys(PartyIdentity blue, PartyIdentity red) {
        this.blue = blue;
        this.red = red;
        this.blueSigner = blue.signer();
        this.redSigner = red.signer();
        this.redVerifier = red.verifier();
        this.blueVerifier = blue.verifier();
    }

    static synchronized Keys shared() {
        if (shared == null) {
            try {
                shared = create(Files.createTempDirectory("parley-store-keys"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static Keys create(Path root) {
        TestClock clock = new TestClock(START.minusSeconds(3600));
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("blue"), BLUE, List.of("localhost"), Optional.empty(), clock, RANDOM);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red"), RED, List.of("localhost"), Optional.empty(), clock, RANDOM);
        blue.pinEachOther(red);
        red.learnPeerSigningCertificate(blue.signer().certificatePem().getBytes(StandardCharsets.US_ASCII));
        blue.learnPeerSigningCertificate(red.signer().certificatePem().getBytes(StandardCharsets.US_ASCII));
        return load(root);
    }

    static Keys load(Path root) {
        return new Keys(
                PartyIdentity.load(root.resolve("blue"), Optional.empty(), RANDOM),
                PartyIdentity.load(root.resolve("red"), Optional.empty(), RANDOM));
    }

    /** A signed BLUE -> RED envelope. */
    SignedEnvelope blueMessage(InstantSource clock, Precedence precedence, String text) {
        return blueMessage(clock, precedence, Category.ROUTINE, text);
    }

    /** A signed BLUE -> RED text envelope in {@code category}. */
    SignedEnvelope blueMessage(InstantSource clock, Precedence precedence, Category category, String text) {
        Envelope envelope = Envelope.builder(clock, RANDOM)
                .from(BLUE)
                .to(RED)
                .precedence(precedence)
                .category(category)
                .signer(blueSigner.keyId())
                .payload(new Payload.Text(text))
                .build();
        return blueSigner.sign(envelope);
    }

    /** What RED's node holds after verifying a BLUE envelope. */
    VerifiedEnvelope receivedByRed(SignedEnvelope signed) {
        return redVerifier.verify(signed);
    }

    /** RED's signed receipt for a stored inbox row. */
    SignedEnvelope redReceipt(InstantSource clock, InboxEntry stored) {
        Envelope receipt = Envelope.builder(clock, RANDOM)
                .from(RED)
                .to(stored.from())
                .precedence(stored.precedence())
                .inReplyTo(stored.id())
                .signer(redSigner.keyId())
                .payload(new Payload.Receipt(stored.id(), stored.received(), stored.sha256Hex()))
                .build();
        return redSigner.sign(receipt);
    }

    /** RED's signed ack for a BLUE envelope. */
    SignedEnvelope redAck(InstantSource clock, org.parley.wire.EnvelopeId id, String role) {
        Envelope ack = Envelope.builder(clock, RANDOM)
                .from(RED)
                .to(BLUE)
                .signer(redSigner.keyId())
                .payload(new Payload.Ack(id, role, clock.instant()))
                .build();
        return redSigner.sign(ack);
    }
}
