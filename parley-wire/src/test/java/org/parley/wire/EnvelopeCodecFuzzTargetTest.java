package org.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing with Jazzer of what a peer's bytes meet first: the frame splitter, the
 * envelope parser and the RFC 8785 canonicalizer. Whatever arrives, each answers Parsed or Rejected
 * and never throws; a parsed envelope is exactly the bytes it came from (docs/decisions.md, decision 1: verify
 * the bytes you received), and canonical JSON is a fixed point of the canonicalizer.
 *
 * <p>In {@code verify} this runs the inputs kept in {@code EnvelopeCodecFuzzTargetTestInputs/} once
 * each; {@code -Pfuzz} fuzzes it for real (see the parent POM).
 */
class EnvelopeCodecFuzzTargetTest {
    @FuzzTest
    void parse_anyBytes_rejectedOrExactlyTheCanonicalBytes(byte[] input) {
        ParseResult<SignedEnvelope> framed = EnvelopeCodec.unframe(input);
        CanonicalBytes canonical = switch (framed) {
            case ParseResult.Parsed<SignedEnvelope> p -> p.value().canonical();
            case ParseResult.Rejected<SignedEnvelope> r -> CanonicalBytes.of(input);
        };

        ParseResult<Envelope> parsed = EnvelopeCodec.parse(canonical);
        if (parsed instanceof ParseResult.Parsed<Envelope> p) {
            assertThat(EnvelopeCodec.canonicalBytes(p.value())).isEqualTo(canonical);
        }

        ParseResult<CanonicalBytes> json = EnvelopeCodec.canonicalizeJson(canonical.utf8());
        if (json instanceof ParseResult.Parsed<CanonicalBytes> once) {
            assertThat(EnvelopeCodec.canonicalizeJson(once.value().utf8()))
                    .isEqualTo(new ParseResult.Parsed<>(once.value()));
        }
    }
}
