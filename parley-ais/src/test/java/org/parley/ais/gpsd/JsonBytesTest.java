package org.parley.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

class JsonBytesTest {
    @SeededTest
    void append_anyLong_printsAsLongToString(SplittableRandom random) {
        long value = Generators.anyLong(random);
        assertThat(new JsonBytes(16).append(value).toString()).isEqualTo(Long.toString(value));
    }

    @SeededTest
    void append_anyString_isUtf8OfTheString(SplittableRandom random) {
        String value = Generators.text(random, 100, false);
        // The writer sees only BMP text (6-bit text, constants): surrogates, paired or not, become '?'.
        String wellFormed = bmpOnly(value);
        JsonBytes bytes = new JsonBytes(16).append("a").append(wellFormed).append('z');
        assertThat(bytes.toString()).isEqualTo("a" + wellFormed + "z");
        assertThat(bytes.length()).isEqualTo(("a" + wellFormed + "z").getBytes(StandardCharsets.UTF_8).length);
    }

    @SeededTest
    void appendTo_anyString_appendsTheSameText(SplittableRandom random) {
        String value = Generators.text(random, 100, false);
        String wellFormed = bmpOnly(value);
        StringBuilder sb = new StringBuilder("x");

        new JsonBytes(16).append(wellFormed).appendTo(sb);

        assertThat(sb).hasToString("x" + wellFormed);
    }

    @Test
    void quoted_quoteBackslashAndControl_escapedAsGpsdDoes() {
        JsonBytes bytes = new JsonBytes(16).quoted("A\"B\\C\u0001D\u001f@");
        assertThat(bytes.toString()).isEqualTo("\"A\\\"B\\\\C\\u0001D\\u001f@\"");
    }

    @Test
    void writeTo_afterAppends_writesAllBytesAndClears() throws IOException {
        JsonBytes bytes = new JsonBytes(16);
        for (int i = 0; i < 1000; i++) {
            bytes.append(i).append(',');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = bytes.length();

        bytes.writeTo(out);

        assertThat(out.size()).isEqualTo(length);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("0,1,2,").endsWith(",999,");
        assertThat(bytes.length()).isZero();
    }

    @Test
    void constructor_tinyCapacity_refused() {
        assertThatThrownBy(() -> new JsonBytes(4)).hasMessageContaining("initialCapacity");
    }

    /**
     * The integer formatting of scaled fields prints what C's {@code %.7f} of the quotient prints
     * (the former double path, checked against gpsdecode by the golden tests), over the whole
     * range of AIS longitudes and latitudes in 1/10 000 minute.
     */
    @SeededTest(tries = 5_000)
    void appendRatio_positionsInTenThousandthMinutes_sameAsFixedOfQuotient(SplittableRandom random) {
        assertRatioMatchesFixed(Generators.intBetween(random, -108_600_000, 108_600_000), 600_000, 7);
    }

    @SeededTest(tries = 3_000)
    void appendRatio_longRangePositionsInTenthMinutes_sameAsFixedOfQuotient(SplittableRandom random) {
        assertRatioMatchesFixed(Generators.intBetween(random, -108_600, 108_600), 600, 4);
    }

    @Test
    void appendRatio_everyTenthOfKnotOrDegree_sameAsFixedOfQuotient() {
        for (int raw = 0; raw < 4096; raw++) {
            assertRatioMatchesFixed(raw, 10, 1);
        }
    }

    @Test
    void appendRatio_smallAndNegativeValues_padAndSignLikePrintf() {
        assertThat(ratio(-1, 600_000, 7)).isEqualTo("-0.0000017");
        assertThat(ratio(1, 600_000, 7)).isEqualTo(String.format(java.util.Locale.ROOT, "%.7f", 1 / 600_000.0));
        assertThat(ratio(0, 600_000, 7)).isEqualTo("0.0000000");
        assertThat(ratio(-108_600_000, 600_000, 7)).isEqualTo("-181.0000000");
        assertThat(ratio(1022, 10, 1)).isEqualTo("102.2");
    }

    private static void assertRatioMatchesFixed(int raw, long divisor, int decimals) {
        JsonBytes viaDouble = new JsonBytes(16);
        Json.appendFixed(viaDouble, raw / (double) divisor, decimals);
        assertThat(ratio(raw, divisor, decimals)).as("raw %d", raw).isEqualTo(viaDouble.toString());
    }

    private static String ratio(long raw, long divisor, int decimals) {
        JsonBytes bytes = new JsonBytes(16);
        Json.appendRatio(bytes, raw, divisor, decimals);
        return bytes.toString();
    }

    private static String bmpOnly(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (Character.isSurrogate(chars[i])) {
                chars[i] = '?';
            }
        }
        return new String(chars);
    }
}
