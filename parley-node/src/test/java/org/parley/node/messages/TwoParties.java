package org.parley.node.messages;

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
import org.parley.crypto.VerifiedEnvelope;
import org.parley.store.InboxEntry;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * BLUE (the node under test) and RED (its peer), with keys that trust each other, and RED's side
 * of the traffic: envelopes signed by RED as BLUE's node verifies them, and BLUE's receipts.
 */
final class TwoParties {
    static final Party BLUE = Party.of("BLUE");
    static final Party RED = Party.of("RED");
    static final SecureRandom RANDOM = new SecureRandom();

    final PartyIdentity blue;
    final PartyIdentity red;

    private TwoParties(PartyIdentity blue, PartyIdentity red) {
        this.blue = blue;
        this.red = red;
    }

    static TwoParties create(Path root, Instant now) {
        TestClock clock = new TestClock(now.minusSeconds(3600));
        List<String> hosts = List.of("localhost");
        PartyIdentity blue = PartyIdentity.init(root.resolve("blue"), BLUE, hosts, Optional.empty(), clock, RANDOM);
        PartyIdentity red = PartyIdentity.init(root.resolve("red"), RED, hosts, Optional.empty(), clock, RANDOM);
        try {
            blue.trustPeerCa(Files.readAllBytes(red.directory().resolve("ca.crt")));
            red.trustPeerCa(Files.readAllBytes(blue.directory().resolve("ca.crt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blue.learnPeerSigningCertificate(red.signer().certificatePem().getBytes(StandardCharsets.US_ASCII));
        red.learnPeerSigningCertificate(blue.signer().certificatePem().getBytes(StandardCharsets.US_ASCII));
        // Loaded again, so each identity's verifier knows the peer signing key just learnt.
        return new TwoParties(
                PartyIdentity.load(root.resolve("blue"), Optional.empty(), RANDOM),
                PartyIdentity.load(root.resolve("red"), Optional.empty(), RANDOM));
    }

    /** A RED -> BLUE text envelope, signed by RED and verified by BLUE as its federation would. */
    VerifiedEnvelope fromRed(InstantSource clock, Precedence precedence, Category category, String text) {
        Envelope envelope = Envelope.builder(clock, RANDOM)
                .from(RED)
                .to(BLUE)
                .precedence(precedence)
                .category(category)
                .signer(red.signer().keyId())
                .payload(new Payload.Text(text))
                .build();
        return blue.verifier().verify(red.signer().sign(envelope));
    }

    /** BLUE's signed receipt for a row its store just took in. */
    SignedEnvelope blueReceipt(InstantSource clock, InboxEntry stored) {
        Envelope receipt = Envelope.builder(clock, RANDOM)
                .from(BLUE)
                .to(stored.from())
                .precedence(stored.precedence())
                .inReplyTo(stored.id())
                .signer(blue.signer().keyId())
                .payload(new Payload.Receipt(stored.id(), stored.received(), stored.sha256Hex()))
                .build();
        return blue.signer().sign(receipt);
    }
}
