package org.parley.ais;

import java.nio.charset.StandardCharsets;

/**
 * The bit vector carried by an AIS payload, read field by field.
 *
 * <p>ITU-R M.1371-5 Annex 8 §3.3 / IEC 61162-1 §8.3.29: every payload character carries six bits,
 * most significant first ("6-bit armouring"); the last character is padded with 0 to 5 fill bits.
 * Fields are read MSB first. Reading past the end yields zero bits, which is how short messages from
 * transmitters in the field are read by every decoder we compare with.
 *
 * <p>The instance is reusable: {@link #clear} and {@link #append} load a new payload without allocating unless the
 * payload is longer than any seen before.
 */
final class Bits {
    /** Longest payload we accept: 5 slots of 256 bits plus margin (ITU-R M.1371-5 §3.2.2.5). */
    static final int MAX_BITS = 6 * 1024;

    private long[] words = new long[(MAX_BITS + 63) / 64 + 1]; // + 1: put() may touch the word after the last bit
    private int length;

    /** Number of payload bits after fill bits were removed. */
    int length() {
        return length;
    }

    /** Clears the vector. */
    void clear() {
        java.util.Arrays.fill(words, 0, (length + 63) / 64 + 1, 0L);
        length = 0;
    }

    /**
     * Appends the armoured characters {@code text[from, to)}; returns false when a character is not
     * a valid payload character (IEC 61162-1 Table 7: '0'..'W' and '`'..'w').
     */
    boolean append(char[] text, int from, int to) {
        if (length + 6 * (to - from) > MAX_BITS) {
            return false;
        }
        // The decoder's innermost loop: ten characters (60 bits) are assembled in a register and
        // stored with two word writes, instead of a read-modify-write of the array per character.
        long[] w = words;
        int len = length;
        int bad = 0;
        int i = from;
        for (; i + 10 <= to; i += 10) {
            long chunk = 0;
            for (int k = 0; k < 10; k++) {
                int value = dearmour(text[i + k]);
                bad |= value;
                chunk = chunk << 6 | (value & 63);
            }
            put(w, len, chunk << 4);
            len += 60;
        }
        long chunk = 0;
        int rest = to - i;
        for (; i < to; i++) {
            int value = dearmour(text[i]);
            bad |= value;
            chunk = chunk << 6 | (value & 63);
        }
        if (rest > 0) {
            put(w, len, chunk << (64 - 6 * rest));
            len += 6 * rest;
        }
        length = len; // also on a bad character, so that clear() zeroes what was written
        return bad >= 0;
    }

    /** ORs the left-aligned bits of {@code chunk} into the vector at bit {@code at} (the words beyond are zero). */
    private static void put(long[] w, int at, long chunk) {
        int word = at >>> 6;
        int bit = at & 63;
        w[word] |= chunk >>> bit;
        if (bit != 0) {
            w[word + 1] |= chunk << (64 - bit);
        }
    }

    /** As {@link #append(char[], int, int)} for a whole stored fragment payload. */
    boolean append(String payload) {
        if (length + 6 * payload.length() > MAX_BITS) {
            return false;
        }
        for (int i = 0; i < payload.length(); i++) {
            int value = dearmour(payload.charAt(i));
            if (value < 0) {
                return false;
            }
            put6(value);
        }
        return true;
    }

    /** Removes the fill bits at the end (the last fragment's fill-bit field). */
    void dropFill(int fillBits) {
        length = Math.max(0, length - fillBits);
        int word = length >>> 6;
        int bit = length & 63;
        if (bit != 0) {
            words[word] &= -1L << (64 - bit);
        } else if (word < words.length) {
            words[word] = 0;
        }
        if (word + 1 < words.length) {
            words[word + 1] = 0;
        }
    }

    static int dearmour(char c) {
        return c < DEARMOUR.length ? DEARMOUR[c] : -1;
    }

    /** 6-bit value of each ASCII character, -1 for those that are not payload characters. */
    private static final byte[] DEARMOUR = new byte[128];

    static {
        for (char c = 0; c < DEARMOUR.length; c++) {
            int value = -1;
            if (c >= '0' && c <= 'W') {
                value = c - '0';
            } else if (c >= '`' && c <= 'w') {
                value = c - '0' - 8;
            }
            DEARMOUR[c] = (byte) value;
        }
    }

    private void put6(int value) {
        int word = length >>> 6;
        int bit = length & 63;
        if (bit <= 58) {
            words[word] |= ((long) value) << (58 - bit);
        } else {
            int spill = bit - 58;
            words[word] |= ((long) value) >>> spill;
            words[word + 1] |= ((long) value) << (64 - spill);
        }
        length += 6;
    }

    /** Unsigned field of {@code width} (1..63) bits starting at bit {@code start}. */
    long unsignedLong(int start, int width) {
        if (start >= MAX_BITS) {
            return 0;
        }
        int word = start >>> 6;
        int bit = start & 63;
        long high = words[word] << bit;
        if (bit + width > 64 && word + 1 < words.length) {
            high |= words[word + 1] >>> (64 - bit);
        }
        return high >>> (64 - width);
    }

    int unsigned(int start, int width) {
        return (int) unsignedLong(start, width);
    }

    /** Two's-complement signed field. */
    int signed(int start, int width) {
        long raw = unsignedLong(start, width);
        return (int) ((raw << (64 - width)) >> (64 - width));
    }

    boolean flag(int start) {
        return unsignedLong(start, 1) != 0;
    }

    /**
     * Six-bit text (ITU-R M.1371-5 Table 47) of {@code chars} characters. Reading stops at the first
     * '@' (the table's "not available" padding) and trailing spaces are removed.
     */
    String text(int start, int chars) {
        byte[] out = new byte[chars];
        int n = sixBitText(start, chars, out);
        while (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    String textUntrimmed(int start, int chars) {
        byte[] out = new byte[chars];
        return new String(out, 0, sixBitText(start, chars, out), StandardCharsets.ISO_8859_1);
    }

    /** Writes up to {@code chars} characters into {@code out}, stopping at the first '@'; returns how many. */
    private int sixBitText(int start, int chars, byte[] out) {
        int n = 0;
        for (int i = 0; i < chars; i++) {
            int v = unsigned(start + 6 * i, 6);
            int c = v < 32 ? v + 64 : v;
            if (c == '@') {
                break;
            }
            out[n++] = (byte) c;
        }
        return n;
    }

    static String trimRight(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '@')) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /** Text filling the rest of the message from {@code start}, whole characters only. */
    String textToEnd(int start) {
        if (length <= start) {
            return "";
        }
        return text(start, (length - start) / 6);
    }

    /** Copies {@code count} bits from {@code start} into a new byte array, left-aligned. */
    byte[] copyBits(int start, int count) {
        byte[] out = new byte[(Math.max(count, 0) + 7) / 8];
        for (int i = 0; i < out.length; i++) {
            int take = Math.min(8, count - 8 * i);
            int value = unsigned(start + 8 * i, take) << (8 - take);
            out[i] = (byte) value;
        }
        return out;
    }
}
