package org.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;
import org.parley.testing.TestClock;

class EnvelopeCodecTest {
    private static final KeyId SIGNER = new KeyId("00112233445566778899aabbccddeeff");

    @SeededTest(tries = 500)
    void parse_canonicalBytesOfAnyEnvelope_returnsTheSameEnvelope(SplittableRandom random) {
        Envelope envelope = EnvelopeGenerators.envelope(random);
        CanonicalBytes bytes = EnvelopeCodec.canonicalBytes(envelope);

        assertThat(EnvelopeCodec.parse(bytes)).isEqualTo(new ParseResult.Parsed<>(envelope));
    }

    @SeededTest(tries = 300)
    void canonicalBytes_anyEnvelope_isAFixedPointOfTheCanonicalizer(SplittableRandom random) {
        Envelope envelope = EnvelopeGenerators.envelope(random);
        CanonicalBytes bytes = EnvelopeCodec.canonicalBytes(envelope);

        assertThat(Jcs.canonicalize(bytes.toByteArray())).isEqualTo(bytes.toByteArray());
    }

    @SeededTest(tries = 3000)
    void parse_mutatedCanonicalBytes_neverThrows(SplittableRandom random) {
        Envelope envelope = EnvelopeGenerators.envelope(random);
        int where = Generators.intBetween(random, 0, 10_000);
        byte value = (byte) random.nextInt(256);
        boolean insert = random.nextBoolean();
        byte[] bytes = EnvelopeCodec.canonicalBytes(envelope).toByteArray();
        int at = where % bytes.length;
        byte[] mutated;
        if (insert) {
            mutated = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, mutated, 0, at);
            mutated[at] = value;
            System.arraycopy(bytes, at, mutated, at + 1, bytes.length - at);
        } else {
            mutated = bytes.clone();
            mutated[at] = value;
        }

        ParseResult<Envelope> result = EnvelopeCodec.parse(CanonicalBytes.of(mutated));
        ParseResult<SignedEnvelope> framed = EnvelopeCodec.unframe(mutated);

        assertThat(result).isNotNull();
        assertThat(framed).isInstanceOf(ParseResult.Rejected.class); // no line feed unless inserted
        if (java.util.Arrays.equals(mutated, bytes)) {
            assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        }
    }

    private static Envelope sample() {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:15:30.123456Z"));
        return Envelope.builder(clock, new SecureRandom())
                .from(Party.of("BLUE"))
                .to(Party.of("RED"))
                .precedence(Precedence.FLASH)
                .languages("en", "zh")
                .payload(new Payload.SafetyNotice(List.of("SEA-CPA-01"), Map.of("rangeYards", "150"), "Keep clear"))
                .signer(SIGNER)
                .build();
    }

    @Test
    void canonicalBytes_sample_sortsMembersAndOmitsWhitespace() {
        String text = EnvelopeCodec.canonicalBytes(sample()).utf8();

        assertThat(text)
                .startsWith("{\"category\":\"SAFETY\",\"created\":\"2026-03-01T10:15:30.123Z\",\"from\":\"BLUE\"");
        assertThat(text).doesNotContain(" \"", "\n").endsWith(",\"to\":\"RED\",\"v\":1}");
    }

    @Test
    void parse_prettyPrintedJson_isRejectedAsNotCanonical() {
        String canonical = EnvelopeCodec.canonicalBytes(sample()).utf8();
        byte[] pretty = canonical.replace(",", ", ").getBytes(StandardCharsets.UTF_8);

        ParseResult<Envelope> result = EnvelopeCodec.parse(CanonicalBytes.of(pretty));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejected.class,
                        r -> assertThat(r.reason()).contains("not the RFC 8785 canonical form"));
    }

    @Test
    void parse_unknownMember_isRejectedNamingIt() {
        String canonical = EnvelopeCodec.canonicalBytes(sample()).utf8();
        byte[] extended = canonical.replace("\"v\":1}", "\"v\":1,\"x\":true}").getBytes(StandardCharsets.UTF_8);

        ParseResult<Envelope> result = EnvelopeCodec.parse(CanonicalBytes.of(extended));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejected.class, r -> assertThat(r.reason()).contains("unknown member 'x'"));
    }

    @Test
    void parse_notJson_isRejectedNotThrown() {
        ParseResult<Envelope> result = EnvelopeCodec.parse(CanonicalBytes.of(new byte[] {(byte) 0xff, '{'}));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejected.class, r -> assertThat(r.reason()).startsWith("malformed envelope"));
    }

    @Test
    void parse_unknownPayloadType_isRejectedNamingIt() {
        String canonical = EnvelopeCodec.canonicalBytes(sample()).utf8();
        byte[] changed = canonical
                .replace("\"type\":\"safety-notice\"", "\"type\":\"telegram\"")
                .getBytes(StandardCharsets.UTF_8);

        ParseResult<Envelope> result = EnvelopeCodec.parse(CanonicalBytes.of(changed));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejected.class, r -> assertThat(r.reason()).contains("payload.type 'telegram'"));
    }

    @Test
    void unframe_frameOfSignedEnvelope_returnsSameBytesAndSignature() {
        SignedEnvelope signed = new SignedEnvelope(EnvelopeCodec.canonicalBytes(sample()), Signature.of(new byte[64]));

        ParseResult<SignedEnvelope> result = EnvelopeCodec.unframe(EnvelopeCodec.frame(signed));

        assertThat(result).isEqualTo(new ParseResult.Parsed<>(signed));
    }

    @Test
    void unframe_missingSeparator_isRejected() {
        ParseResult<SignedEnvelope> result = EnvelopeCodec.unframe("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejected.class, r -> assertThat(r.reason()).contains("no line feed"));
    }

    @Test
    void builder_safetyNotice_defaultsToSafetyCategoryAndFlashDeadline() {
        Envelope envelope = sample();

        assertThat(envelope.category()).isEqualTo(Category.SAFETY);
        assertThat(envelope.created()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThat(envelope.defaultAckDeadline()).isEqualTo(Instant.parse("2026-03-01T10:25:30.123Z"));
    }
}
