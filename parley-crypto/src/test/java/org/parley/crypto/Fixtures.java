package org.parley.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/** Two parties with keys that trust each other, made once per JVM, and envelope generators. */
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
            blue.trustPeerCa(Files.readAllBytes(red.directory().resolve("ca.crt")));
            red.trustPeerCa(Files.readAllBytes(blue.directory().resolve("ca.crt")));
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

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(30),
                        Arbitraries.strings()
                                .withChars("\"\\/\u0000\u001f€😀中文 ")
                                .ofMaxLength(10))
                .filter(Fixtures::wellFormed);
    }

    static Arbitrary<String> code() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10);
    }

    static Arbitrary<Instant> instant() {
        return Arbitraries.longs().between(0, 253_402_300_799_000L).map(Instant::ofEpochMilli);
    }

    static Arbitrary<EnvelopeId> id() {
        return Arbitraries.longs().tuple2().map(t -> new EnvelopeId(new UUID(t.get1(), t.get2())));
    }

    static Arbitrary<Payload> payload() {
        return Arbitraries.oneOf(
                text().map(Payload.Text::new),
                Combinators.combine(
                                code().list().ofMinSize(1).ofMaxSize(3),
                                Arbitraries.maps(code(), text()).ofMaxSize(2),
                                text())
                        .as(Payload.SafetyNotice::new),
                Combinators.combine(code(), instant(), text().optional()).as(Payload.LinkTest::new),
                Combinators.combine(
                                id(),
                                instant(),
                                Arbitraries.strings()
                                        .withChars("0123456789abcdef")
                                        .ofLength(64))
                        .as(Payload.Receipt::new),
                Combinators.combine(id(), code(), instant()).as(Payload.Ack::new),
                Combinators.combine(
                                code(), text(), Arbitraries.maps(code(), text()).ofMaxSize(2))
                        .as(Payload.DialogueRequest::new),
                Combinators.combine(
                                id(),
                                code(),
                                text(),
                                Arbitraries.maps(code(), text()).ofMaxSize(2))
                        .as(Payload.DialogueAnswer::new),
                Combinators.combine(
                                Arbitraries.of(Payload.ChannelNotice.Action.class),
                                Arbitraries.of(Category.DIALOGUE, Category.NOTICE, Category.ROUTINE)
                                        .set()
                                        .ofMinSize(1)
                                        .map(EnumSet::copyOf),
                                text())
                        .as(Payload.ChannelNotice::new));
    }

    /** Envelopes from BLUE to RED signed-to-be by BLUE's current key, created while its certificate is valid. */
    static Arbitrary<Envelope> blueToRedEnvelopes() {
        KeyId signer = blue().currentSigningKeyId();
        Arbitrary<Instant> created =
                Arbitraries.longs().between(0, 86_400_000L * 300).map(NOW::plusMillis);
        return Combinators.combine(
                        created,
                        Arbitraries.of(Precedence.class),
                        id().optional(),
                        Arbitraries.of("en", "zh").list().uniqueElements().ofMaxSize(2),
                        payload())
                .as((at, precedence, inReplyTo, languages, payload) -> {
                    Envelope.Builder builder = blueToRed(at)
                            .precedence(precedence)
                            .languages(languages.toArray(String[]::new))
                            .payload(payload)
                            .signer(signer);
                    inReplyTo.ifPresent(builder::inReplyTo);
                    return builder.build();
                });
    }
}
