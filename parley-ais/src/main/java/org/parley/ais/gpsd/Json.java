package org.parley.ais.gpsd;

/** Appends JSON members to a builder without intermediate strings (the CLI's hot path). */
final class Json {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};

    private Json() {}

    /**
     * Appends a member's prefix. Callers pass the whole prefix {@code ,"name":} as one constant so
     * that each member costs one append (the writer is the CLI's hot path).
     */
    static void name(StringBuilder sb, String prefix) {
        sb.append(prefix);
    }

    static void num(StringBuilder sb, String name, long value) {
        name(sb, name);
        sb.append(value);
    }

    static void bool(StringBuilder sb, String name, boolean value) {
        name(sb, name);
        sb.append(value);
    }

    /** Like C's {@code %.Nf}: fixed decimals, rounded half away from zero. */
    static void fixed(StringBuilder sb, String name, double value, int decimals) {
        name(sb, name);
        appendFixed(sb, value, decimals);
    }

    static void appendFixed(StringBuilder sb, double value, int decimals) {
        long scaled = Math.round(Math.abs(value) * POW10[decimals]);
        if (value < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / POW10[decimals]);
        if (decimals > 0) {
            sb.append('.');
            long fraction = scaled % POW10[decimals];
            for (long p = POW10[decimals - 1]; p > 1 && fraction < p; p /= 10) {
                sb.append('0');
            }
            sb.append(fraction);
        }
    }

    static void str(StringBuilder sb, String name, String value) {
        name(sb, name);
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** gpsd's two-digit zero padding inside date strings. */
    static void two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        sb.append(value);
    }
}
