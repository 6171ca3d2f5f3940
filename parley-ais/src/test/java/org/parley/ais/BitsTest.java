package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The payload loader assembles ten characters per register (Bits.append(char[]...)); the stored
 * fragment path (Bits.append(String)) still puts six bits per character and is the reference.
 */
class BitsTest {
    @Property(tries = 2_000)
    void append_chars_sameBitsAsPerCharacterPath(
            @ForAll("payload") String first, @ForAll("payload") String second, @ForAll @IntRange(max = 5) int fill) {
        Bits reference = new Bits();
        reference.clear();
        assertThat(reference.append(first)).isTrue();
        assertThat(reference.append(second)).isTrue();
        reference.dropFill(fill);

        Bits chunked = new Bits();
        // A longer payload first, so that a stale bit left by clear() would show.
        chunked.append("w".repeat(300).toCharArray(), 0, 300);
        chunked.clear();
        char[] line = ("x," + first + second + ",0").toCharArray();
        assertThat(chunked.append(line, 2, 2 + first.length())).isTrue();
        assertThat(chunked.append(line, 2 + first.length(), 2 + first.length() + second.length()))
                .isTrue();
        chunked.dropFill(fill);

        assertThat(chunked.length()).isEqualTo(reference.length());
        for (int bit = 0; bit < reference.length() + 64; bit++) {
            assertThat(chunked.flag(bit)).as("bit %d", bit).isEqualTo(reference.flag(bit));
        }
    }

    @Property(tries = 500)
    void append_badCharacterAnywhere_refused(
            @ForAll("payload") String payload, @ForAll @IntRange(max = 200) int at, @ForAll("bad") char bad) {
        int where = Math.min(at, payload.length());
        char[] line = (payload.substring(0, where) + bad + payload.substring(where)).toCharArray();
        Bits bits = new Bits();

        assertThat(bits.append(line, 0, line.length)).isFalse();
        bits.clear();
        assertThat(bits.append(payload.toCharArray(), 0, payload.length())).isTrue();
        assertThat(bits.length()).isEqualTo(6 * payload.length());
    }

    @Test
    void append_longestPayload_fillsTheVectorAndRefusesMore() {
        char[] longest = "w".repeat(Bits.MAX_BITS / 6).toCharArray();
        Bits bits = new Bits();

        assertThat(bits.append(longest, 0, longest.length)).isTrue();
        assertThat(bits.length()).isEqualTo(Bits.MAX_BITS);
        assertThat(bits.unsigned(Bits.MAX_BITS - 6, 6)).isEqualTo(63);
        assertThat(bits.append(new char[] {'0'}, 0, 1)).isFalse();
    }

    @Provide
    Arbitrary<String> payload() {
        // IEC 61162-1 Table 7 payload characters: '0'..'W' and '`'..'w'.
        return Arbitraries.strings()
                .withCharRange('0', 'W')
                .withCharRange('`', 'w')
                .ofMaxLength(200);
    }

    @Provide
    Arbitrary<Character> bad() {
        return Arbitraries.of('X', '_', '/', 'x', ' ', '\u00e9', '\u2603', '\u0000');
    }
}
