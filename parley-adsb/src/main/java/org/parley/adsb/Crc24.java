package org.parley.adsb;

/**
 * The Mode S 24-bit parity (ICAO Annex 10 Vol IV §3.1.2.3.3): generator polynomial
 * 1111 1111 1111 1010 0000 0100 1 (0x1FFF409), computed a byte at a time from tables.
 *
 * <p>The parity is a CRC with a zero start value, so it is linear over GF(2): the CRC of the data
 * bytes is the XOR of what each byte contributes alone at its position, and leading zero bytes add
 * nothing. {@code AT} holds that contribution for every byte value at each of the 11 data-byte
 * positions of a long frame (11 x 256 ints, 11 KiB); a short frame's 4 data bytes are the last 4
 * positions. The lookups of one frame do not depend on each other, so the CPU runs them side by
 * side instead of waiting for each step of the usual shift-and-look-up chain (the chained form is
 * kept to build the tables and to check them).
 */
final class Crc24 {
    private static final int POLY = 0xFFF409;
    private static final int[] TABLE = new int[256];
    private static final int LONG_DATA_BYTES = 11;
    /** {@code AT[position * 256 + value]}: CRC of 11 data bytes that are all zero but {@code value} at {@code position}. */
    private static final int[] AT = new int[LONG_DATA_BYTES * 256];
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
        byte[] data = new byte[LONG_DATA_BYTES + 3];
        for (int position = 0; position < LONG_DATA_BYTES; position++) {
            for (int value = 0; value < 256; value++) {
                data[position] = (byte) value;
                AT[position * 256 + value] = chained(data, 0, data.length);
            }
            data[position] = 0;
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
     * The syndrome of the frame in {@code frame[offset, offset + length)} (length 7 or 14, unrolled): the CRC
     * of its first {@code length - 3} bytes XOR its last three bytes (the parity field). Zero for an
     * intact DF11 (II 0)/17/18 frame; the address for DF0/4/5/16/20/21.
     */
    static int syndrome(byte[] frame, int offset, int length) {
        int o = offset;
        int crc;
        if (length == 14) {
            crc = AT[frame[o] & 0xFF]
                    ^ AT[256 + (frame[o + 1] & 0xFF)]
                    ^ AT[512 + (frame[o + 2] & 0xFF)]
                    ^ AT[768 + (frame[o + 3] & 0xFF)]
                    ^ AT[1024 + (frame[o + 4] & 0xFF)]
                    ^ AT[1280 + (frame[o + 5] & 0xFF)]
                    ^ AT[1536 + (frame[o + 6] & 0xFF)];
            o += 7;
        } else if (length == 7) {
            crc = 0;
        } else {
            throw new IllegalArgumentException("A Mode S frame has 7 or 14 bytes, not " + length);
        }
        // The last four data bytes sit at the last four positions in either length.
        crc ^= AT[1792 + (frame[o] & 0xFF)]
                ^ AT[2048 + (frame[o + 1] & 0xFF)]
                ^ AT[2304 + (frame[o + 2] & 0xFF)]
                ^ AT[2560 + (frame[o + 3] & 0xFF)];
        int parity = ((frame[o + 4] & 0xFF) << 16) | ((frame[o + 5] & 0xFF) << 8) | (frame[o + 6] & 0xFF);
        return crc ^ parity;
    }

    /** The same syndrome the textbook way, one dependent table step per byte. */
    static int chained(byte[] frame, int offset, int length) {
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
