package org.parley.wire;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Validation shared by the value types, with messages that say what was wrong. */
final class Checks {
    static final int MAX_TEXT = 16_384;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Checks() {}

    static void code(String what, String value) {
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1-64 characters A-Z, a-z, 0-9, '.', '_', ':' or '-': '" + value + "'");
        }
    }

    static void text(String what, String value, int maxChars) {
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters; at most " + maxChars);
        }
        if (!wellFormed(value)) {
            throw new IllegalArgumentException(what + " contains a lone UTF-16 surrogate (RFC 8785 section 3.2.2.2)");
        }
    }

    /** Instants travel with millisecond precision, so the values are truncated to keep round trips exact. */
    static Instant millis(String what, Instant value) {
        Instant truncated = value.truncatedTo(ChronoUnit.MILLIS);
        if (truncated.getEpochSecond() < 0 || truncated.isAfter(Instant.parse("9999-12-31T23:59:59.999Z"))) {
            throw new IllegalArgumentException(what + " must be between 1970 and 9999: " + value);
        }
        return truncated;
    }

    static SortedMap<String, String> parameters(Map<String, String> parameters) {
        TreeMap<String, String> copy = new TreeMap<>(parameters);
        copy.forEach((key, value) -> {
            code("parameter name", key);
            text("parameter " + key, value, MAX_TEXT);
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
