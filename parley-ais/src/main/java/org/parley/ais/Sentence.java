package org.parley.ais;

import org.jspecify.annotations.Nullable;

/**
 * One line of an AIS feed split into its parts, without copying the payload. Reused from line to
 * line by its decoder (not thread-safe). The line is a {@code char[]} prefix that the decoder fills
 * from a {@code String} or a byte range, so that the parser's loops index an array directly (no
 * interface call per character, one compiled parser for both entries).
 *
 * <pre>
 * [\tag block*hh\]... !ttVDM,count,number,sequence,channel,payload,fill*hh[,trailing...]
 * </pre>
 * IEC 61162-1 §7.2 (sentence structure, checksum), §8.3.88/89 (VDM/VDO fields), §7.9 (NMEA 4.0 tag
 * blocks: s: source, c: UNIX time, g: sentence-group). The older {@code \1G2:0125,...\} group form
 * and a tag block alone on its line are accepted too.
 */
final class Sentence {
    char[] line = new char[0];
    boolean ownShip;
    int fragmentCount;
    int fragmentNumber;
    /** Sequential message id 0..9, or -1 when the field is empty. */
    int sequenceId;
    /** Channel character, 0 when empty. */
    char channel;

    int payloadStart;
    int payloadEnd;
    int fillBits;
    /** From the tag block's s:, or "". */
    String source = "";
    /** Receive time from the tag block c: or a trailing epoch, or Long.MIN_VALUE. */
    long timeMillis;
    /** True when the line held only a tag block or a $PGHP time (which apply to the next line). */
    boolean timeOnly;
    /** True when a tag block of the line carries a checksum that does not match it (§7.9). */
    boolean tagChecksumWrong;

    /** Parses {@code text[0, length)}; returns null on success or the reason it is not a usable sentence. */
    @Nullable
    RejectReason parse(char[] text, int length) {
        line = text;
        source = "";
        timeMillis = Long.MIN_VALUE;
        timeOnly = false;
        tagChecksumWrong = false;
        int end = length;
        while (end > 0 && text[end - 1] <= ' ') {
            end--;
        }
        int pos = 0;
        while (pos < end && text[pos] <= ' ') {
            pos++;
        }
        while (pos < end && text[pos] == '\\') {
            int close = indexOf(text, '\\', pos + 1, end);
            if (close < 0) {
                return RejectReason.MALFORMED_SENTENCE;
            }
            readTagBlock(text, pos + 1, close);
            pos = close + 1;
        }
        if (pos < end && text[pos] == '#') {
            return RejectReason.NOT_AIS; // comment line, as in the gpsd and pyais corpora
        }
        if (pos >= end) {
            timeOnly = timeMillis != Long.MIN_VALUE;
            return timeOnly ? null : RejectReason.NOT_AIS;
        }
        if (startsWith(text, pos, length, "$PGHP,")) {
            timeMillis = Gatehouse.timeMillis(text, pos + 6, end);
            timeOnly = timeMillis != Long.MIN_VALUE;
            return timeOnly ? null : RejectReason.NOT_AIS;
        }
        int bang = text[pos] == '!' ? pos : indexOf(text, '!', pos, end);
        if (bang < 0 || bang + 7 > end) {
            return RejectReason.NOT_AIS;
        }
        return parseSentence(text, bang, end);
    }

    private @Nullable RejectReason parseSentence(char[] text, int bang, int end) {
        char v = text[bang + 3];
        char d = text[bang + 4];
        char kind = text[bang + 5];
        if (v != 'V' || d != 'D' || (kind != 'M' && kind != 'O') || text[bang + 6] != ',') {
            return RejectReason.NOT_AIS;
        }
        ownShip = kind == 'O';
        int star = indexOf(text, '*', bang + 7, end);
        if (star < 0 || star + 3 > end) {
            return RejectReason.MALFORMED_SENTENCE;
        }
        int sum = 0;
        for (int i = bang + 1; i < star; i++) {
            sum ^= text[i];
        }
        int expected = hex(text[star + 1]) << 4 | hex(text[star + 2]);
        if (expected < 0 || hex(text[star + 1]) < 0 || expected != sum) {
            return RejectReason.BAD_CHECKSUM;
        }
        if (star + 3 < end && text[star + 3] == ',') {
            readTrailingEpoch(text, star + 3, end);
        }
        return parseFields(text, bang + 7, star);
    }

    private @Nullable RejectReason parseFields(char[] text, int from, int star) {
        int c1 = indexOf(text, ',', from, star);
        int c2 = c1 < 0 ? -1 : indexOf(text, ',', c1 + 1, star);
        int c3 = c2 < 0 ? -1 : indexOf(text, ',', c2 + 1, star);
        int c4 = c3 < 0 ? -1 : indexOf(text, ',', c3 + 1, star);
        int c5 = c4 < 0 ? -1 : indexOf(text, ',', c4 + 1, star);
        if (c5 < 0 || indexOf(text, ',', c5 + 1, star) >= 0) {
            return RejectReason.MALFORMED_SENTENCE;
        }
        fragmentCount = digit(text, from, c1);
        fragmentNumber = digit(text, c1 + 1, c2);
        sequenceId = c3 == c2 + 1 ? -1 : digit(text, c2 + 1, c3);
        channel = c4 == c3 + 1 ? 0 : text[c3 + 1];
        fillBits = star == c5 + 1 ? 0 : digit(text, c5 + 1, star);
        payloadStart = c4 + 1;
        payloadEnd = c5;
        boolean ok = fragmentCount >= 1
                && fragmentNumber >= 1
                && fragmentNumber <= fragmentCount
                && (c3 == c2 + 1 || sequenceId >= 0)
                && c4 - c3 <= 2
                && fillBits >= 0
                && fillBits <= 5;
        return ok ? null : RejectReason.MALFORMED_SENTENCE;
    }

    /**
     * Reads the s: and c: fields of a tag block. Its checksum (the XOR of the characters between the
     * backslash and the '*', as for a sentence) is checked but does not reject the line: in the
     * corpora 104 of 119 tag-block checksums are placeholders such as {@code *00}, over sentences
     * whose own checksums are right. A mismatch is counted instead.
     */
    private void readTagBlock(char[] text, int from, int to) {
        int star = indexOf(text, '*', from, to);
        int end = star < 0 ? to : star;
        if (star >= 0) {
            int sum = 0;
            for (int i = from; i < star; i++) {
                sum ^= text[i];
            }
            long written = star + 3 == to ? hexPair(text, star + 1) : -1;
            tagChecksumWrong |= written != sum;
        }
        int pos = from;
        while (pos < end) {
            int comma = indexOf(text, ',', pos, end);
            int fieldEnd = comma < 0 ? end : comma;
            if (fieldEnd - pos > 2 && text[pos + 1] == ':') {
                char key = text[pos];
                if (key == 'c') {
                    long value = number(text, pos + 2, fieldEnd);
                    if (value >= 0) {
                        // §7.9.4: c: is UNIX seconds; some sources send milliseconds (13 digits).
                        timeMillis = fieldEnd - pos - 2 >= 12 ? value : value * 1000;
                    }
                } else if (key == 's') {
                    source = new String(text, pos + 2, fieldEnd - pos - 2);
                }
            }
            pos = fieldEnd + 1;
        }
    }

    /** exactEarth / AMSA style: ",1327992119157" after the checksum, milliseconds or seconds. */
    private void readTrailingEpoch(char[] text, int comma, int end) {
        int last = comma;
        for (int i = comma; i < end; i++) {
            if (text[i] == ',') {
                last = i;
            }
        }
        long value = number(text, last + 1, end);
        if (value >= 0) {
            timeMillis = end - last - 1 >= 12 ? value : value * 1000;
        }
    }

    static long number(char[] text, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int digit(char[] text, int from, int to) {
        if (to != from + 1) {
            return -1;
        }
        char c = text[from];
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    private static long hexPair(char[] text, int at) {
        int high = hex(text[at]);
        int low = hex(text[at + 1]);
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    static int indexOf(char[] text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(char[] text, int pos, int length, String prefix) {
        if (pos + prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
