package org.parley.adsb;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One received Mode S reply: 7 bytes (56-bit short) or 14 bytes (112-bit long), as transmitted,
 * parity included. Immutable: the bytes are copied on the way in and out.
 */
public final class ModeSFrame {
    private final byte[] bytes;

    private ModeSFrame(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A frame from its bytes; fails unless there are 7 or 14 of them. */
    public static ModeSFrame of(byte[] bytes) {
        if (bytes.length != 7 && bytes.length != 14) {
            throw new IllegalArgumentException("A Mode S frame has 7 or 14 bytes, not " + bytes.length);
        }
        return new ModeSFrame(bytes.clone());
    }

    /** A frame from {@code bytes[offset, offset + length)}, copied; fails unless there are 7 or 14 of them. */
    public static ModeSFrame of(byte[] bytes, int offset, int length) {
        if (length != 7 && length != 14) {
            throw new IllegalArgumentException("A Mode S frame has 7 or 14 bytes, not " + length);
        }
        return new ModeSFrame(Arrays.copyOfRange(bytes, offset, Math.addExact(offset, length)));
    }

    /** A frame from 14 or 28 hex digits, or empty if the text is not one. */
    public static Optional<ModeSFrame> parseHex(CharSequence hex) {
        byte[] b = hexToBytes(hex, 0, hex.length());
        return b == null ? Optional.empty() : Optional.of(new ModeSFrame(b));
    }

    /** Decodes hex digits {@code [from, to)} into a new array, or null if they are not 14 or 28 hex digits. */
    static byte @org.jspecify.annotations.Nullable [] hexToBytes(CharSequence text, int from, int to) {
        int n = to - from;
        if (n != 14 && n != 28) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(from + 2 * i), 16);
            int lo = Character.digit(text.charAt(from + 2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    static ModeSFrame wrap(byte[] owned) {
        return new ModeSFrame(owned);
    }

    /** The bytes, copied. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The frame length in bits: 56 or 112. */
    public int bitLength() {
        return bytes.length * 8;
    }

    /** The downlink format, bits 1-5 (Annex 10 Vol IV §3.1.2.3.2.1.2). */
    public int downlinkFormat() {
        return (bytes[0] & 0xFF) >>> 3;
    }

    byte[] raw() {
        return bytes;
    }

    /** Upper-case hex, as receivers print raw frames. */
    public String hex() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeSFrame other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
