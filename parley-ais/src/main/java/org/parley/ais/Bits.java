package org.parley.ais;

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

    private long[] words = new long[(MAX_BITS + 63) / 64];
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
        // Locals instead of fields and put6 in the loop: this is the decoder's innermost loop.
        long[] w = words;
        int len = length;
        boolean valid = true;
        for (int i = from; i < to; i++) {
            int value = dearmour(text[i]);
            if (value < 0) {
                valid = false;
                break;
            }
            int word = len >>> 6;
            int bit = len & 63;
            if (bit <= 58) {
                w[word] |= ((long) value) << (58 - bit);
            } else {
                w[word] |= ((long) value) >>> (bit - 58);
                w[word + 1] |= ((long) value) << (122 - bit);
            }
            len += 6;
        }
        length = len; // also on a bad character, so that clear() zeroes what was written
        return valid;
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
        return trimRight(textUntrimmed(start, chars));
    }

    String textUntrimmed(int start, int chars) {
        char[] out = new char[chars];
        int n = 0;
        for (int i = 0; i < chars; i++) {
            int v = unsigned(start + 6 * i, 6);
            char c = (char) (v < 32 ? v + 64 : v);
            if (c == '@') {
                break;
            }
            out[n++] = c;
        }
        return new String(out, 0, n);
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
