package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the decoder's two entries with Jazzer: whatever bytes arrive on a feed,
 * {@code decode} answers with a result (never an exception) and the byte-range entry the feeds use
 * answers as the text entry does.
 *
 * <p>In {@code verify} this runs the inputs kept in {@code AisDecoderFuzzTargetTestInputs/} (real
 * sentences and past findings) once each; {@code -Pfuzz} fuzzes it for real (see the parent POM).
 * The decoders live as long as the test instance, so multi-sentence messages are assembled across
 * inputs as on a live feed.
 */
class AisDecoderFuzzTargetTest {
    private final AisDecoder fromText = AisDecoder.create();
    private final AisDecoder fromBytes = AisDecoder.create();

    @FuzzTest
    void decode_anyBytes_answersAsTheTextEntryAndNeverThrows(byte[] line) {
        // Feeds are Latin-1 on the wire (IEC 61162-1 is 8-bit ASCII): one char per byte.
        String text = new String(line, StandardCharsets.ISO_8859_1);

        AisResult expected = fromText.decode(text);

        assertThat(expected).isNotNull();
        assertThat(fromBytes.decode(line, 0, line.length)).isEqualTo(expected);
        assertThat(fromText.rejectCounts()).doesNotContainKey(RejectReason.INVALID_FIELD);
    }
}
