package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;
import org.parley.testing.TestClock;

/** The byte-range entry decodes exactly as the {@code CharSequence} entry does. */
class AisDecoderBytesTest {
    private final TestClock clock = TestClock.atEpochOfTests();
    private final AisDecoder fromText = AisDecoder.create(clock, Duration.ofSeconds(60));
    private final AisDecoder fromBytes = AisDecoder.create(clock, Duration.ofSeconds(60));

    @Test
    void decodeBytes_realCorpora_sameResultsAndCountsAsText() {
        int decoded = 0;
        for (String file : List.of(
                "ais/amsa_exact-earth-augmented-2.txt",
                "ais/gpsd_sample.aivdm",
                "ais/gpsd_ais-nmea.log",
                "ais/libais_tagblock.nmea",
                "ais/dma_replay_dump.txt",
                "ais/pyais_mixed.txt")) {
            for (String line : Corpus.lines(file)) {
                AisResult expected = fromText.decode(line);
                assertThat(decodeInsideLargerBuffer(line)).as(line).isEqualTo(expected);
                decoded += expected instanceof AisResult.Decoded ? 1 : 0;
            }
        }
        assertThat(decoded).isGreaterThan(1000);
        assertThat(fromBytes.decodedCount()).isEqualTo(fromText.decodedCount());
        assertThat(fromBytes.rejectCounts()).isEqualTo(fromText.rejectCounts());
    }

    @SeededTest(tries = 2_000)
    void decodeBytes_arbitraryLatin1Text_sameResultAsText(SplittableRandom random) {
        String tail = Generators.text(random, 120, LATIN_1);
        for (String line : List.of(tail, "!AIVDM,1,1,,A," + tail, "\\s:x,c:1*00\\!AIVDM,2,1,3,B," + tail)) {
            assertThat(decodeInsideLargerBuffer(line)).isEqualTo(fromText.decode(line));
        }
    }

    private static final String LATIN_1 = latin1();

    private static String latin1() {
        StringBuilder sb = new StringBuilder(256);
        for (char c = 0; c <= 0xFF; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    @Test
    void decode_afterLineLongerThanKeptBuffer_nextLinesSameAsText() {
        String huge = "\\s:" + "x".repeat(200_000) + "*00\\!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24";
        List<String> lines = Corpus.lines("ais/gpsd_sample.aivdm");

        assertThat(decodeInsideLargerBuffer(huge)).isEqualTo(fromText.decode(huge));
        for (String line : lines) {
            assertThat(decodeInsideLargerBuffer(line)).as(line).isEqualTo(fromText.decode(line));
        }
        assertThat(fromBytes.decodedCount()).isPositive().isEqualTo(fromText.decodedCount());
    }

    @Test
    void decodeBytes_rangeOutsideBuffer_throws() {
        assertThatThrownBy(() -> fromBytes.decode(new byte[4], 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The line sits between other bytes, as in a reader's buffer, which must not be read. */
    private AisResult decodeInsideLargerBuffer(String line) {
        byte[] text = line.getBytes(StandardCharsets.ISO_8859_1);
        byte[] buffer = new byte[text.length + 6];
        buffer[0] = '!';
        buffer[1] = ',';
        buffer[2] = '\n';
        System.arraycopy(text, 0, buffer, 3, text.length);
        buffer[text.length + 3] = '*';
        buffer[text.length + 4] = '7';
        buffer[text.length + 5] = '\n';
        return fromBytes.decode(buffer, 3, 3 + text.length);
    }
}
