package org.parley.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 JSON Canonicalization Scheme: a strict reader into {@link Json} and the canonical writer.
 * Jackson only tokenizes; the data model checks and the serialization are here.
 */
final class Jcs {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final int MAX_DEPTH = 32;

    private Jcs() {}

    /** Canonical UTF-8 bytes of any JSON text; throws IllegalArgumentException saying what is wrong. */
    static byte[] canonicalize(byte[] json) {
        return write(read(json));
    }

    static Json read(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty input: expected a JSON value");
            }
            Json value = readValue(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value at offset "
                        + parser.currentTokenLocation().getByteOffset());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private static Json readValue(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser, depth);
            case START_ARRAY -> readArray(parser, depth);
            case VALUE_STRING -> new Json.Str(wellFormed(parser.getText()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> readNumber(parser);
            case VALUE_TRUE -> new Json.Bool(true);
            case VALUE_FALSE -> new Json.Bool(false);
            case VALUE_NULL -> Json.Null.INSTANCE;
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        };
    }

    private static Json readObject(JsonParser parser, int depth) throws IOException {
        Map<String, Json> members = new TreeMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = wellFormed(parser.currentName());
            JsonToken valueToken = parser.nextToken();
            if (valueToken == null) {
                throw new IllegalArgumentException("object ends before the value of '" + name + "'");
            }
            members.put(name, readValue(parser, valueToken, depth + 1));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalArgumentException("object is not closed");
        }
        return new Json.Obj(new TreeMap<>(members));
    }

    private static Json readArray(JsonParser parser, int depth) throws IOException {
        List<Json> elements = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IllegalArgumentException("array is not closed");
            }
            elements.add(readValue(parser, token, depth + 1));
        }
        return new Json.Arr(elements);
    }

    private static Json readNumber(JsonParser parser) throws IOException {
        // RFC 8785 3.2.2.3: numbers are IEEE 754 doubles; parsing rounds to the nearest one.
        double value = Double.parseDouble(parser.getText());
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("number " + parser.getText() + " is outside the IEEE 754 double range");
        }
        return new Json.Num(value);
    }

    private static String wellFormed(String value) {
        if (!Checks.wellFormed(value)) {
            throw new IllegalArgumentException("string contains a lone UTF-16 surrogate (RFC 8785 3.2.2.2)");
        }
        return value;
    }

    static byte[] write(Json value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.length() + 16);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void write(Json value, StringBuilder out) {
        switch (value) {
            case Json.Obj obj -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Json> member : obj.members().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                }
                out.append('}');
            }
            case Json.Arr arr -> {
                out.append('[');
                for (int i = 0; i < arr.elements().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(arr.elements().get(i), out);
                }
                out.append(']');
            }
            case Json.Str str -> writeString(str.value(), out);
            case Json.Num num -> out.append(number(num.value()));
            case Json.Bool bool -> out.append(bool.value());
            case Json.Null ignored -> out.append("null");
        }
    }

    /** RFC 8785 3.2.2.2: only '"', '\\' and controls are escaped; short forms where JSON has them. */
    static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript Number::toString (ECMA-262 7.1.12.1), as RFC 8785 3.2.2.3 requires: the shortest
     * digit string s of k digits that reads back as the same double, closest to the exact value, then
     * laid out by the position n of the decimal point.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("NaN and Infinity have no JSON form (RFC 8785 3.2.2.3)");
        }
        if (value == 0) {
            return "0"; // both +0 and -0 (ECMA-262 7.1.12.1 step 2)
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortestDecimal(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        return sign + layout(digits, k, n);
    }

    private static BigDecimal shortestDecimal(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(candidate.toString()) == magnitude) {
                return candidate.stripTrailingZeros();
            }
        }
        throw new IllegalStateException("17 significant digits always identify a double: " + magnitude);
    }

    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
