package org.parley.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

/** The positional writers print exactly what the checked appenders (and C's printf) print. */
class PutTest {
    @SeededTest
    void digits_anyNonNegativeInt_sameAsIntegerToString(SplittableRandom random) {
        // Any bit length, so that every digit count from 1 to 10 is drawn.
        int value = Generators.intBetween(random, 1, Integer.MAX_VALUE) >> random.nextInt(31);
        assertThat(written(b -> Put.digits(b, 3, value))).isEqualTo(Integer.toString(value));
        assertThat(written(b -> Put.digits(b, 3, value % 1000))).isEqualTo(Integer.toString(value % 1000));
    }

    @Test
    void digits_zero_printsZero() {
        assertThat(written(b -> Put.digits(b, 3, 0))).isEqualTo("0");
    }

    /** Against the ratio appender, which JsonBytesTest checks against C-style %.7f of the quotient. */
    @SeededTest(tries = 5_000)
    void degrees7_positionsInTenThousandthMinutes_sameAsRatioAppender(SplittableRandom random) {
        int raw = Generators.intBetween(random, -108_600_000, 108_600_000);
        JsonBytes expected = new JsonBytes(16);
        Json.appendRatio(expected, raw, 600_000, 7);

        assertThat(written(b -> Put.degrees7(b, 3, raw))).as("raw %d", raw).isEqualTo(expected.toString());
    }

    @Test
    void degrees7_edges_signAndPaddingLikePrintf() {
        assertThat(written(b -> Put.degrees7(b, 3, -1))).isEqualTo("-0.0000017");
        assertThat(written(b -> Put.degrees7(b, 3, 0))).isEqualTo("0.0000000");
        assertThat(written(b -> Put.degrees7(b, 3, 108_600_000))).isEqualTo("181.0000000");
        assertThat(written(b -> Put.degrees7(b, 3, -54_600_000))).isEqualTo("-91.0000000");
    }

    @Test
    void tenths_everyTenFieldValueBothSigns_sameAsRatioAppender() {
        for (int raw = -4096; raw < 4096; raw++) {
            JsonBytes expected = new JsonBytes(16);
            Json.appendRatio(expected, raw, 10, 1);
            int value = raw;
            assertThat(written(b -> Put.tenths(b, 3, value))).as("raw %d", raw).isEqualTo(expected.toString());
        }
    }

    @SeededTest
    void padded_anyWidth_sameAsPrintfZeroPadding(SplittableRandom random) {
        int value = Generators.intBetween(random, 0, 99_999) >> random.nextInt(17);
        int width = Generators.intBetween(random, 1, 4);
        assertThat(written(b -> Put.padded(b, 3, value, width)))
                .isEqualTo(String.format(Locale.ROOT, "%0" + width + "d", value));
    }

    @Test
    void bool_bothValues_jsonLiterals() {
        assertThat(written(b -> Put.bool(b, 3, true))).isEqualTo("true");
        assertThat(written(b -> Put.bool(b, 3, false))).isEqualTo("false");
    }

    @Test
    void bytes_constant_copiedAtPosition() {
        assertThat(written(b -> Put.bytes(b, 3, Put.ascii(",\"mmsi\":")))).isEqualTo(",\"mmsi\":");
    }

    private interface Writer {
        int write(byte[] b);
    }

    /** What {@code writer} wrote from offset 3 up to the position it returned. */
    private static String written(Writer writer) {
        byte[] b = new byte[64];
        int end = writer.write(b);
        return new String(b, 3, end - 3, StandardCharsets.US_ASCII);
    }
}
