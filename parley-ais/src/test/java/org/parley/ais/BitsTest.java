package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

/**
 * The payload loader assembles ten characters per register (Bits.append(char[]...)); the stored
 * fragment path (Bits.append(String)) still puts six bits per character and is the reference.
 */
class BitsTest {
    @SeededTest(tries = 2_000)
    void append_chars_sameBitsAsPerCharacterPath(SplittableRandom random) {
        String first = payload(random);
        String second = payload(random);
        int fill = Generators.intBetween(random, 0, 5);
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

    @SeededTest(tries = 500)
    void append_badCharacterAnywhere_refused(SplittableRandom random) {
        String payload = payload(random);
        int at = Generators.intBetween(random, 0, 200);
        char bad = Generators.oneOf(random, 'X', '_', '/', 'x', ' ', '\u00e9', '\u2603', '\u0000');
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

    // IEC 61162-1 Table 7 payload characters: '0'..'W' and '`'..'w'.
    private static final String PAYLOAD_CHARACTERS = "0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW`abcdefghijklmnopqrstuvw";

    private static String payload(SplittableRandom random) {
        return Generators.text(random, 200, PAYLOAD_CHARACTERS);
    }
}
