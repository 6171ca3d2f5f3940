package org.parley.ais.gpsd;

/** Appends JSON members to a byte buffer without intermediate strings (the CLI's hot path). */
final class Json {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000};

    private Json() {}

    /**
     * Appends a member's prefix. Callers pass the whole prefix {@code ,"name":} as one constant so
     * that each member costs one append (the writer is the CLI's hot path).
     */
    static void name(JsonBytes sb, String prefix) {
        sb.ascii(prefix);
    }

    static void num(JsonBytes sb, String name, long value) {
        if (value >= 0 && value <= Integer.MAX_VALUE) {
            sb.member(name, (int) value);
        } else {
            name(sb, name);
            sb.append(value);
        }
    }

    static void bool(JsonBytes sb, String name, boolean value) {
        sb.member(name, value);
    }

    /** Like C's {@code %.Nf}: fixed decimals, rounded half away from zero. */
    static void fixed(JsonBytes sb, String name, double value, int decimals) {
        name(sb, name);
        appendFixed(sb, value, decimals);
    }

    static void appendFixed(JsonBytes sb, double value, int decimals) {
        long scaled = Math.round(Math.abs(value) * POW10[decimals]);
        appendScaled(sb, value < 0 && scaled != 0, scaled, decimals);
    }

    /**
     * Like {@link #fixed} for the value {@code raw / divisor}, computed in integers. AIS carries
     * positions, speeds and courses as scaled integers (ITU-R M.1371-5 Table 45: 1/10 000 minute,
     * 1/10 knot, 1/10 degree), so C's {@code %.Nf} of the quotient is an exact integer division
     * rounded half away from zero; no {@code double} is formed or printed.
     */
    static void ratio(JsonBytes sb, String name, long raw, long divisor, int decimals) {
        name(sb, name);
        appendRatio(sb, raw, divisor, decimals);
    }

    static void appendRatio(JsonBytes sb, long raw, long divisor, int decimals) {
        long numerator = Math.abs(raw) * POW10[decimals];
        long scaled = numerator / divisor;
        if (2 * (numerator - scaled * divisor) >= divisor) {
            scaled++;
        }
        appendScaled(sb, raw < 0 && scaled != 0, scaled, decimals);
    }

    /** Prints {@code scaled / 10^decimals} with exactly {@code decimals} fraction digits. */
    private static void appendScaled(JsonBytes sb, boolean negative, long scaled, int decimals) {
        if (negative) {
            sb.append('-');
        }
        sb.append(scaled / POW10[decimals]);
        if (decimals > 0) {
            sb.append('.');
            sb.padded(scaled % POW10[decimals], decimals);
        }
    }

    /** {@code raw / 10} with one decimal: the 1/10 knot and 1/10 degree fields (see {@link Put#tenths}). */
    static void tenths(JsonBytes sb, String name, int raw) {
        name(sb, name);
        sb.advance(Put.tenths(sb.reserve(16), sb.length(), raw));
    }

    /** A position in 1/10 000 minute as degrees with 7 decimals (see {@link Put#degrees7}). */
    static void degrees7(JsonBytes sb, String name, int raw) {
        name(sb, name);
        sb.advance(Put.degrees7(sb.reserve(16), sb.length(), raw));
    }

    static void str(JsonBytes sb, String name, String value) {
        name(sb, name);
        sb.quoted(value);
    }

    /**
     * Appends a member whose value is one of the constant {@link Legends}: plain ASCII without
     * quotes, backslashes or control characters (LegendsTest checks every one), so it is copied
     * between quotes without the per-character escaping of {@link #str}.
     */
    static void legend(JsonBytes sb, String name, String legend) {
        name(sb, name);
        sb.append('"').ascii(legend).append('"');
    }

    /** gpsd's two-digit zero padding inside date strings. */
    static void two(JsonBytes sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        sb.append(value);
    }
}
