package org.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.testing.SeededTest;

class JcsTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JcsTest.class.getResourceAsStream("/rfc8785/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void canonicalize_rfc8785Section322Example_matchesRfcOutput() throws IOException {
        byte[] canonical = Jcs.canonicalize(resource("section-3.2.2-input.json"));

        assertThat(canonical).isEqualTo(resource("section-3.2.2-output.json"));
    }

    @Test
    void canonicalize_rfc8785Section323Example_sortsByUtf16CodeUnits() throws IOException {
        String canonical = new String(Jcs.canonicalize(resource("section-3.2.3-input.json")), StandardCharsets.UTF_8);

        // RFC 8785 3.2.3 lists the values in this order after sorting.
        List<String> expectedOrder = List.of(
                "Carriage Return",
                "One",
                "Control",
                "Latin Small Letter O With Diaeresis",
                "Euro Sign",
                "Emoji: Grinning Face",
                "Hebrew Letter Dalet With Dagesh");
        int last = -1;
        for (String value : expectedOrder) {
            int at = canonical.indexOf('"' + value + '"');
            assertThat(at).as("position of %s in %s", value, canonical).isGreaterThan(last);
            last = at;
        }
        assertThat(canonical).startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\"");
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their serialization. */
    static Stream<Arguments> appendixB() {
        return Stream.of(
                Arguments.of("0000000000000000", "0"),
                Arguments.of("8000000000000000", "0"),
                Arguments.of("0000000000000001", "5e-324"),
                Arguments.of("8000000000000001", "-5e-324"),
                Arguments.of("7fefffffffffffff", "1.7976931348623157e+308"),
                Arguments.of("ffefffffffffffff", "-1.7976931348623157e+308"),
                Arguments.of("4340000000000000", "9007199254740992"),
                Arguments.of("c340000000000000", "-9007199254740992"),
                Arguments.of("4430000000000000", "295147905179352830000"),
                Arguments.of("44b52d02c7e14af5", "9.999999999999997e+22"),
                Arguments.of("44b52d02c7e14af6", "1e+23"),
                Arguments.of("44b52d02c7e14af7", "1.0000000000000001e+23"),
                Arguments.of("444b1ae4d6e2ef4e", "999999999999999700000"),
                Arguments.of("444b1ae4d6e2ef4f", "999999999999999900000"),
                Arguments.of("444b1ae4d6e2ef50", "1e+21"),
                Arguments.of("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
                Arguments.of("3eb0c6f7a0b5ed8d", "0.000001"),
                Arguments.of("41b3de4355555553", "333333333.3333332"),
                Arguments.of("41b3de4355555554", "333333333.33333325"),
                Arguments.of("41b3de4355555555", "333333333.3333333"),
                Arguments.of("41b3de4355555556", "333333333.3333334"),
                Arguments.of("41b3de4355555557", "333333333.33333343"),
                Arguments.of("becbf647612f3696", "-0.0000033333333333333333"),
                Arguments.of("43143ff3c1cb0959", "1424953923781206.2"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("appendixB")
    void number_rfc8785AppendixB_serializesLikeEcmaScript(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(ieeeHex));

        assertThat(Jcs.number(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appendixBNotNumbers")
    void number_rfc8785AppendixBNaNOrInfinity_isRefused(String ieeeHex) {
        double value = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(ieeeHex));

        assertThatThrownBy(() -> Jcs.number(value)).hasMessageContaining("NaN and Infinity");
    }

    static Stream<String> appendixBNotNumbers() {
        return Stream.of("7fffffffffffffff", "7ff0000000000000");
    }

    @SeededTest(tries = 2000)
    void number_anyFiniteDouble_readsBackToTheSameDouble(SplittableRandom random) {
        double value = anyFiniteDouble(random);
        String text = Jcs.number(value);

        assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
    }

    @Test
    void read_duplicateMemberNames_isRefused() {
        byte[] json = "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Jcs.read(json)).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void read_loneSurrogateEscape_isRefused() {
        byte[] json = "[\"\\ud800\"]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Jcs.read(json)).hasMessageContaining("lone UTF-16 surrogate");
    }

    @Test
    void read_numberBeyondDoubleRange_isRefused() {
        byte[] json = "[1e400]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Jcs.read(json)).hasMessageContaining("outside the IEEE 754 double range");
    }

    @Test
    void read_trailingGarbage_isRefused() {
        byte[] json = "{} {}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Jcs.read(json)).hasMessageContaining("trailing content");
    }

    @Test
    void writeString_controlCharacters_useShortOrLowerCaseHexEscapes() {
        StringBuilder out = new StringBuilder();

        Jcs.writeString("\u0001\u001f\t\b\u007f", out);

        // RFC 8785 3.2.2.2: lower-case hex for controls without a short form; DEL is not escaped.
        assertThat(out.toString()).isEqualTo("\"\\u0001\\u001f\\t\\b\u007f\"");
    }

    /**
     * Finite doubles of every magnitude: uniform bit patterns (subnormals and extreme exponents
     * included), small integers and short decimals (where shortest-form printing is most often
     * wrong), and the edges.
     */
    private static double anyFiniteDouble(SplittableRandom random) {
        double value = switch (random.nextInt(4)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> random.nextInt(-1_000_000, 1_000_000);
            case 2 -> random.nextInt(-1_000_000, 1_000_000) / Math.pow(10, random.nextInt(1, 8));
            default ->
                org.parley.testing.Generators.oneOf(
                        random,
                        0.0,
                        -0.0,
                        Double.MIN_VALUE,
                        -Double.MIN_VALUE,
                        Double.MAX_VALUE,
                        -Double.MAX_VALUE,
                        Double.MIN_NORMAL,
                        1e21,
                        1e-7,
                        9007199254740992.0);
        };
        return Double.isFinite(value) ? value : 0.5;
    }
}
