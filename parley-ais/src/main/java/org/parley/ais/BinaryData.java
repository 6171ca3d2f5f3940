package org.parley.ais;

import java.util.Arrays;

/**
 * Application bits carried by a binary message that this decoder keeps undecoded, left-aligned in
 * bytes. Immutable: the bytes are copied on the way in and out.
 */
public final class BinaryData implements ApplicationData {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final byte[] bytes;
    private final int bitCount;

    public BinaryData(byte[] bytes, int bitCount) {
        if (bitCount < 0 || (bitCount + 7) / 8 != bytes.length) {
            throw new IllegalArgumentException("bitCount " + bitCount + " does not match " + bytes.length + " bytes");
        }
        this.bytes = bytes.clone();
        this.bitCount = bitCount;
    }

    static BinaryData read(Bits bits, int start, int count) {
        int n = Math.max(0, count);
        return new BinaryData(bits.copyBits(start, n), n);
    }

    public int bitCount() {
        return bitCount;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Lower-case hex of the bytes (the last byte padded with zero bits). */
    public String hex() {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        appendHex(sb);
        return sb.toString();
    }

    /** Appends the hex form without copying. */
    public void appendHex(StringBuilder sb) {
        for (byte b : bytes) {
            sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryData other && other.bitCount == bitCount && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * bitCount + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BinaryData[" + bitCount + ":" + hex() + "]";
    }
}
