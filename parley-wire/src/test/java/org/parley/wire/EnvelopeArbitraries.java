package org.parley.wire;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for envelopes with every payload type. */
final class EnvelopeArbitraries {
    private EnvelopeArbitraries() {}

    static Arbitrary<String> text() {
        // Any well-formed text, including controls, quotes, backslashes and astral characters.
        return Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(40),
                        Arbitraries.strings()
                                .withChars("\"\\/\u0000\u001f\u2028€😀中文")
                                .ofMaxLength(12))
                .filter(Checks::wellFormed);
    }

    static Arbitrary<String> code() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
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
                                Arbitraries.maps(code(), text()).ofMaxSize(3),
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
                                code(), text(), Arbitraries.maps(code(), text()).ofMaxSize(3))
                        .as(Payload.DialogueRequest::new),
                Combinators.combine(
                                id(),
                                code(),
                                text(),
                                Arbitraries.maps(code(), text()).ofMaxSize(3))
                        .as(Payload.DialogueAnswer::new),
                Combinators.combine(
                                Arbitraries.of(Payload.ChannelNotice.Action.class),
                                Arbitraries.of(
                                                Category.DIALOGUE,
                                                Category.NOTICE,
                                                Category.ROUTINE,
                                                Category.RECEIPT,
                                                Category.ACK)
                                        .set()
                                        .ofMinSize(1)
                                        .map(EnumSet::copyOf),
                                text(),
                                instant().optional())
                        .as(Payload.ChannelNotice::new));
    }

    static Arbitrary<Envelope> envelope() {
        Arbitrary<Party[]> parties = Arbitraries.of(List.of(
                new Party[] {Party.of("BLUE"), Party.of("RED")}, new Party[] {Party.of("RED"), Party.of("BLUE")}));
        return Combinators.combine(
                        id(),
                        parties,
                        Arbitraries.of(Precedence.class),
                        instant(),
                        id().optional(),
                        Arbitraries.of("en", "zh", "zh-Hans", "en-GB")
                                .list()
                                .uniqueElements()
                                .ofMaxSize(2),
                        payload(),
                        Arbitraries.strings()
                                .withChars("0123456789abcdef")
                                .ofLength(32)
                                .map(KeyId::new))
                .as((id, from, precedence, created, inReplyTo, languages, payload, signer) -> new Envelope(
                        Envelope.CURRENT_VERSION,
                        id,
                        from[0],
                        from[1],
                        precedence,
                        payload instanceof Payload.Text ? Category.ROUTINE : defaultCategory(payload),
                        created,
                        inReplyTo,
                        languages,
                        payload,
                        signer));
    }

    static Category defaultCategory(Payload payload) {
        return Envelope.builder(() -> Instant.EPOCH, new java.security.SecureRandom())
                .from(Party.of("BLUE"))
                .to(Party.of("RED"))
                .payload(payload)
                .signer(new KeyId("0".repeat(32)))
                .build()
                .category();
    }
}
