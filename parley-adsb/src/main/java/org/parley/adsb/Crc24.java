package org.parley.adsb;

/**
 * The Mode S 24-bit parity (ICAO Annex 10 Vol IV §3.1.2.3.3): generator polynomial
 * 1111 1111 1111 1010 0000 0100 1 (0x1FFF409), computed a byte at a time from a table.
 */
final class Crc24 {
    private static final int POLY = 0xFFF409;
    private static final int[] TABLE = new int[256];
    /** Syndrome of a single flipped bit per 112-bit frame position; index = bit (0-based). */
    private static final int[] LONG_BIT_SYNDROMES = new int[112];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 16;
            for (int j = 0; j < 8; j++) {
                c = (c & 0x800000) != 0 ? (c << 1) ^ POLY : c << 1;
            }
            TABLE[i] = c & 0xFFFFFF;
        }
        byte[] probe = new byte[14];
        for (int bit = 0; bit < 112; bit++) {
            probe[bit >>> 3] = (byte) (0x80 >>> (bit & 7));
            LONG_BIT_SYNDROMES[bit] = syndrome(probe, 14);
            probe[bit >>> 3] = 0;
        }
    }

    private Crc24() {}

    /** CRC of the first {@code length - 3} bytes XOR the received 24-bit parity field. */
    static int syndrome(byte[] frame, int length) {
        return syndrome(frame, 0, length);
    }

    /**
     * The syndrome of the frame in {@code frame[offset, offset + length)}: the CRC of its first
     * {@code length - 3} bytes, one table step per byte, XOR its last three bytes (the parity field).
     * Zero for an intact DF11 (II 0)/17/18 frame; the address for DF0/4/5/16/20/21.
     */
    static int syndrome(byte[] frame, int offset, int length) {
        int crc = 0;
        int parityAt = offset + length - 3;
        for (int i = offset; i < parityAt; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 16) ^ frame[i]) & 0xFF];
        }
        int parity =
                ((frame[parityAt] & 0xFF) << 16) | ((frame[parityAt + 1] & 0xFF) << 8) | (frame[parityAt + 2] & 0xFF);
        return (crc ^ parity) & 0xFFFFFF;
    }

    /**
     * The 0-based position of the single flipped bit that explains {@code syndrome} in a 112-bit
     * frame, or -1. Bits 1-5 (DF) are excluded: a corrected DF would change how the frame is read.
     */
    static int singleBitError(int syndrome) {
        for (int bit = 5; bit < 112; bit++) {
            if (LONG_BIT_SYNDROMES[bit] == syndrome) {
                return bit;
            }
        }
        return -1;
    }
}
