package org.parley.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JsonBytesTest {
    @Property
    void append_anyLong_printsAsLongToString(@ForAll long value) {
        assertThat(new JsonBytes(16).append(value).toString()).isEqualTo(Long.toString(value));
    }

    @Property
    void append_anyString_isUtf8OfTheString(@ForAll String value) {
        // Lone surrogates have no UTF-8 form; the writer never sees them (6-bit text, constants).
        String wellFormed = value.replaceAll("[\\uD800-\\uDFFF]", "?");
        JsonBytes bytes = new JsonBytes(16).append("a").append(wellFormed).append('z');
        assertThat(bytes.toString()).isEqualTo("a" + wellFormed + "z");
        assertThat(bytes.length()).isEqualTo(("a" + wellFormed + "z").getBytes(StandardCharsets.UTF_8).length);
    }

    @Property
    void appendTo_anyString_appendsTheSameText(@ForAll String value) {
        String wellFormed = value.replaceAll("[\\uD800-\\uDFFF]", "?");
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
    @Property(tries = 5_000)
    void appendRatio_positionsInTenThousandthMinutes_sameAsFixedOfQuotient(
            @ForAll @IntRange(min = -108_600_000, max = 108_600_000) int raw) {
        assertRatioMatchesFixed(raw, 600_000, 7);
    }

    @Property(tries = 3_000)
    void appendRatio_longRangePositionsInTenthMinutes_sameAsFixedOfQuotient(
            @ForAll @IntRange(min = -108_600, max = 108_600) int raw) {
        assertRatioMatchesFixed(raw, 600, 4);
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
}
