package org.parley.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.parley.testing.Generators;
import org.parley.testing.TestClock;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeGenerators;
import org.parley.wire.Party;
import org.parley.wire.Precedence;

/** Two parties with keys that trust each other, made once per JVM, and an envelope generator. */
final class Fixtures {
    static final Party BLUE = Party.of("BLUE");
    static final Party RED = Party.of("RED");
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();

    private static PartyIdentity blue;
    private static PartyIdentity red;

    private Fixtures() {}

    static synchronized PartyIdentity blue() {
        init();
        return blue;
    }

    static synchronized PartyIdentity red() {
        init();
        return red;
    }

    private static void init() {
        if (blue != null) {
            return;
        }
        try {
            Path root = Files.createTempDirectory("parley-crypto-fixtures");
            TestClock clock = new TestClock(NOW);
            blue = PartyIdentity.init(
                    root.resolve("blue"), BLUE, List.of("localhost", "127.0.0.1"), Optional.empty(), clock, RANDOM);
            red = PartyIdentity.init(
                    root.resolve("red"), RED, List.of("localhost", "127.0.0.1"), Optional.empty(), clock, RANDOM);
            blue.pinEachOther(red);
            red.learnPeerSigningCertificate(
                    blue.signer().certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            blue.learnPeerSigningCertificate(
                    red.signer().certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Envelope.Builder blueToRed(Instant created) {
        return Envelope.builder(new TestClock(created), RANDOM)
                .from(BLUE)
                .to(RED)
                .signer(blue().currentSigningKeyId());
    }

    // --- generators ---------------------------------------------------------------------

    /**
     * An envelope from BLUE to RED signed-to-be by BLUE's current key, created while its certificate
     * is valid, with any payload ({@link EnvelopeGenerators#payload}).
     */
    static Envelope blueToRedEnvelope(SplittableRandom random) {
        Envelope.Builder builder = blueToRed(NOW.plusMillis(Generators.longBetween(random, 0, 86_400_000L * 300)))
                .precedence(Generators.oneOf(random, Precedence.values()))
                .languages(EnvelopeGenerators.languages(random, "en", "zh").toArray(String[]::new))
                .payload(EnvelopeGenerators.payload(random))
                .signer(blue().currentSigningKeyId());
        EnvelopeGenerators.maybe(random, EnvelopeGenerators.id(random)).ifPresent(builder::inReplyTo);
        return builder.build();
    }
}
