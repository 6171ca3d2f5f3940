package org.parley.ais;

import java.nio.charset.StandardCharsets;

/**
 * A window on a byte buffer read as ISO-8859-1 characters, so that the sentence parser can take a
 * line straight from an input buffer without a {@code String} per line. Reused by its decoder: the
 * window is only valid until the next {@link #set}.
 */
final class AsciiLine implements CharSequence {
    private byte[] bytes = new byte[0];
    private int from;
    private int length;

    AsciiLine set(byte[] buffer, int start, int end) {
        if (start < 0 || end < start || end > buffer.length) {
            throw new IndexOutOfBoundsException(
                    "line [" + start + ", " + end + ") outside a buffer of " + buffer.length + " bytes");
        }
        bytes = buffer;
        from = start;
        length = end - start;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (bytes[from + index] & 0xFF);
    }

    /** A copy (the window itself changes with the next line). */
    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
