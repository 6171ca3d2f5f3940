package org.parley.ais.gpsd;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that the gpsd writer appends JSON to, so that a stream of objects
 * reaches a file or pipe in large chunks without a {@code String} or a char-to-byte encoder per
 * object (the {@code parley ais decode} hot path).
 *
 * <p>Reuse one instance: {@link #writeTo} and {@link #clear} keep the capacity. Not thread-safe.
 */
public final class JsonBytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private byte[] bytes;
    private int length;

    /** An empty buffer that holds {@code initialCapacity} bytes before it grows. */
    public JsonBytes(int initialCapacity) {
        if (initialCapacity < 16) {
            throw new IllegalArgumentException("initialCapacity must be >= 16: " + initialCapacity);
        }
        bytes = new byte[initialCapacity];
    }

    /** Bytes written since the last {@link #clear}. */
    public int length() {
        return length;
    }

    /**
     * Makes room for {@code more} bytes and returns the array to write them into from {@link
     * #length()}; {@link #advance} then commits what was written.
     */
    byte[] reserve(int more) {
        ensure(more);
        return bytes;
    }

    /** Sets the length after writing into the array {@link #reserve} returned. */
    void advance(int newLength) {
        length = newLength;
    }

    /** Forgets the content, keeps the capacity. */
    public void clear() {
        length = 0;
    }

    /** Writes the content to {@code out} in one call and clears the buffer. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
        length = 0;
    }

    /** The content decoded as UTF-8 (for tests and the {@code StringBuilder} API). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Appends the content as characters to {@code sb}, without an intermediate {@code String} when it is ASCII. */
    public void appendTo(StringBuilder sb) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                sb.append(toString());
                return;
            }
        }
        for (int i = 0; i < length; i++) {
            sb.append((char) bytes[i]);
        }
    }

    /** Appends a character, UTF-8 encoded. */
    public JsonBytes append(char c) {
        if (c < 0x80) {
            ensure(1);
            bytes[length++] = (byte) c;
        } else {
            appendNonAscii(c);
        }
        return this;
    }

    /** Appends a string, UTF-8 encoded. */
    public JsonBytes append(String s) {
        return append(s, 0, s.length());
    }

    /** Appends {@code s[from, to)}, UTF-8 encoded. */
    public JsonBytes append(String s, int from, int to) {
        ensure(to - from);
        byte[] b = bytes;
        int n = length;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                length = n;
                return appendSlow(s, i, to);
            }
            b[n++] = (byte) c;
        }
        length = n;
        return this;
    }

    /**
     * Appends a string that is known to be ASCII (the writer's member-name constants and legends)
     * with one block copy instead of a loop over its characters.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exact for ASCII text
    JsonBytes ascii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    /**
     * Appends {@code s} as a JSON string: quoted, with the double quote and the backslash escaped by
     * a backslash and control characters written as backslash-u00XX (as gpsd's JSON output).
     */
    JsonBytes quoted(String s) {
        int n = s.length();
        ensure(6 * n + 2);
        byte[] b = bytes;
        int p = length;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
            } else {
                length = p;
                escape(c);
                p = length;
                b = bytes;
            }
        }
        b[p++] = '"';
        length = p;
        return this;
    }

    private void escape(char c) {
        if (c == '"' || c == '\\') {
            append('\\').append(c);
        } else if (c < 0x20) {
            ascii("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
        } else {
            appendNonAscii(c);
        }
    }

    private JsonBytes appendSlow(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            append(s.charAt(i));
        }
        return this;
    }

    /**
     * Appends the member prefix {@code name} (ASCII, e.g. {@code ,"mmsi":}) and a non-negative
     * {@code value}: one capacity check and one pass for both, the writer's commonest member.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) is exact for ASCII text
    JsonBytes member(String name, int value) {
        int n = name.length();
        ensure(n + 10);
        name.getBytes(0, n, bytes, length);
        length = Put.digits(bytes, length + n, value);
        return this;
    }

    /** Appends the member prefix {@code name} (ASCII) and {@code true} or {@code false}. */
    @SuppressWarnings("deprecation") // as member(String, int)
    JsonBytes member(String name, boolean value) {
        int n = name.length();
        ensure(n + 5);
        name.getBytes(0, n, bytes, length);
        length = Put.bool(bytes, length + n, value);
        return this;
    }

    /** Appends {@code true} or {@code false}. */
    public JsonBytes append(boolean value) {
        return ascii(value ? "true" : "false");
    }

    /** Appends a decimal integer, as {@link Long#toString(long)} would. */
    public JsonBytes append(long value) {
        if (value >= 0 && value <= Integer.MAX_VALUE) {
            return appendInt((int) value); // every AIS field: kept short so that it inlines
        }
        return appendWide(value);
    }

    private JsonBytes appendWide(long value) {
        if (value < 0 && value >= -Integer.MAX_VALUE) {
            append('-');
            return appendInt((int) -value);
        }
        return ascii(Long.toString(value));
    }

    /** Non-negative int ({@link Put#digits}). */
    private JsonBytes appendInt(int value) {
        ensure(10);
        length = Put.digits(bytes, length, value);
        return this;
    }

    /**
     * Appends {@code value} (0 <= value < 10^width) as exactly {@code width} digits with leading
     * zeros: the fraction of a fixed-point number.
     */
    JsonBytes padded(long value, int width) {
        ensure(width);
        length = Put.fraction(bytes, length, value, width);
        return this;
    }

    private void appendNonAscii(char c) {
        ensure(3);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | (c >> 6));
        } else {
            // Lone surrogates cannot occur in the writer's text (6-bit ASCII and constant legends).
            bytes[length++] = (byte) (0xE0 | (c >> 12));
            bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        }
        bytes[length++] = (byte) (0x80 | (c & 0x3F));
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
