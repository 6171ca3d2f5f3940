package org.parley.ais.gpsd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-by-field comparison of two gpsd-style JSON objects: numbers numerically (gpsd versions print
 * different decimals), numeric strings ("0.00") as numbers, gpsd's two spellings of "not available"
 * ("n/a", "nan") as one.
 */
final class JsonCompare {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCompare() {}

    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + line, e);
        }
    }

    /** Differences for every field present in both objects (fields in {@code ignore} skipped). */
    static List<String> differences(JsonNode expected, JsonNode actual, Set<String> ignore) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            String name = e.getKey();
            JsonNode a = actual.get(name);
            if (ignore.contains(name) || a == null) {
                continue;
            }
            boolean equal = name.equals("data") ? sameBits(e.getValue().asText(), a.asText()) : same(e.getValue(), a);
            if (!equal) {
                out.add(name + ": expected " + e.getValue() + " got " + a);
            }
        }
        return out;
    }

    /** Expected fields that the actual object lacks. */
    static List<String> missing(JsonNode expected, JsonNode actual, Set<String> ignore) {
        List<String> out = new ArrayList<>();
        expected.fieldNames().forEachRemaining(n -> {
            if (!ignore.contains(n) && actual.get(n) == null) {
                out.add(n);
            }
        });
        return out;
    }

    static boolean same(JsonNode e, JsonNode a) {
        Double en = number(e);
        Double an = number(a);
        if (en != null && an != null) {
            return Math.abs(en - an) <= 1e-6 * Math.max(1.0, Math.abs(en)) + 5e-7;
        }
        if (e.isArray() || e.isObject()) {
            return e.equals(a);
        }
        return text(e).equals(text(a));
    }

    /**
     * gpsd's "bits:hex" data: only the first {@code bits} bits carry data; gpsd leaves whatever
     * followed in the message (e.g. the type 26 radio status) in the padding of the last byte.
     */
    static boolean sameBits(String expected, String actual) {
        int ec = expected.indexOf(':');
        int ac = actual.indexOf(':');
        if (ec < 0 || ac < 0 || !expected.substring(0, ec).equals(actual.substring(0, ac))) {
            return expected.equals(actual);
        }
        int bits = Integer.parseInt(expected.substring(0, ec));
        java.math.BigInteger e = significant(expected.substring(ec + 1), bits);
        java.math.BigInteger a = significant(actual.substring(ac + 1), bits);
        return e.equals(a);
    }

    private static java.math.BigInteger significant(String hex, int bits) {
        if (hex.isEmpty()) {
            return java.math.BigInteger.ZERO;
        }
        java.math.BigInteger all = new java.math.BigInteger(hex, 16);
        return all.shiftRight(hex.length() * 4 - bits);
    }

    private static String text(JsonNode n) {
        String s = n.asText();
        return s.equals("n/a") ? "nan" : s;
    }

    private static Double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.valueOf(n.asText());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }
}
