package org.parley.adsb;

/**
 * Bit fields of a Mode S frame, numbered from 1 at the most significant bit of the first byte as
 * ICAO Annex 10 Vol IV §3.1.2.3.1.3 numbers them.
 */
final class Bits {
    /** Bit 1 of the ME field is frame bit 33 (Annex 10 Vol IV Figure 3-8). */
    static final int ME_OFFSET = 32;

    private Bits() {}

    /** The unsigned value of {@code length} (1..32) bits starting at 1-based bit {@code first}. */
    static int get(byte[] frame, int first, int length) {
        int start = first - 1;
        int end = start + length;
        int firstByte = start >>> 3;
        int lastByte = (end - 1) >>> 3;
        long acc = 0;
        for (int i = firstByte; i <= lastByte; i++) {
            acc = (acc << 8) | (frame[i] & 0xFF);
        }
        int trailing = ((lastByte + 1) << 3) - end;
        return (int) ((acc >>> trailing) & ((1L << length) - 1));
    }

    /** A field of the 56-bit ME (or MB) field, with ME bit numbering (DO-260B §2.2.3.2). */
    static int me(byte[] frame, int first, int length) {
        return get(frame, ME_OFFSET + first, length);
    }

    static boolean meFlag(byte[] frame, int bit) {
        return me(frame, bit, 1) == 1;
    }

    /** The 56-bit ME/MB field as a long, for register checks that look at the whole field. */
    static long meLong(byte[] frame) {
        long v = 0;
        for (int i = 4; i < 11; i++) {
            v = (v << 8) | (frame[i] & 0xFF);
        }
        return v;
    }
}
