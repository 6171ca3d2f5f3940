package org.parley.ais.encode;

/** Builds a payload bit by bit, MSB first, and armours it into 6-bit characters. */
final class BitWriter {
    private final boolean[] bits = new boolean[1024];
    private int length;

    BitWriter put(long value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bits[length++] = ((value >>> i) & 1) != 0;
        }
        return this;
    }

    BitWriter flag(boolean value) {
        return put(value ? 1 : 0, 1);
    }

    /** Six-bit text (ITU-R M.1371-5 Table 47), padded with '@' to {@code chars}. */
    BitWriter text(String value, int chars) {
        for (int i = 0; i < chars; i++) {
            char c = i < value.length() ? value.charAt(i) : '@';
            if (c < 32 || c > 95) {
                throw new IllegalArgumentException("not a six-bit character: '" + c + "' in " + value);
            }
            put(c >= 64 ? c - 64 : c, 6);
        }
        return this;
    }

    int length() {
        return length;
    }

    /** The armoured payload; the returned fill count pads the last character (0..5). */
    String armour() {
        StringBuilder sb = new StringBuilder((length + 5) / 6);
        for (int start = 0; start < length; start += 6) {
            int v = 0;
            for (int i = 0; i < 6; i++) {
                v = v << 1 | (start + i < length && bits[start + i] ? 1 : 0);
            }
            sb.append((char) (v < 40 ? v + 48 : v + 56));
        }
        return sb.toString();
    }

    int fillBits() {
        return (6 - length % 6) % 6;
    }
}
