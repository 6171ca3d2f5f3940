package org.parley.ais.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Splits a byte stream into NMEA lines, the one way every AIS reader in Parley does it: LF, CR or
 * CR LF end a line and a last line without terminator counts, as {@link java.io.BufferedReader#readLine}
 * has it, so line counts match the text readers of gpsd and libais; a gzip stream is recognised by
 * its magic bytes, not its name (RFC 1952 section 2.3.1: 1f 8b); and a line longer than the maximum
 * is skipped whole and counted, so a feed that never sends a line break cannot exhaust memory.
 * Lines are handed over as a range of a reused buffer: no {@code String} per line.
 */
public final class LineFramer {
    /**
     * NMEA 0183 allows 82 characters a sentence; a tag block (NMEA 4.10) adds a few dozen more. Four
     * kilobytes is far above any real line and still bounds what one bad line can hold.
     */
    public static final int DEFAULT_MAX_LINE_BYTES = 4096;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Where the lines go. */
    public interface LineSink {
        /** One line, without its terminator, in {@code buffer[from, to)}; the buffer is reused afterwards. */
        void line(byte[] buffer, int from, int to) throws IOException;

        /** A line longer than the maximum was skipped. */
        default void overlong() {}
    }

    private final int maxLineBytes;

    public LineFramer(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** {@code in}, decompressed when it starts with the gzip magic bytes. */
    public static InputStream decompressed(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** Reads {@code in} to its end, {@code readBytes} at a time, handing each line to {@code sink}. */
    public void frame(InputStream in, int readBytes, LineSink sink) throws IOException {
        byte[] buf = new byte[Math.max(readBytes, 16)];
        int start = 0;
        int end = 0;
        boolean afterCr = false;
        boolean skipping = false;
        for (int n = in.read(buf, 0, buf.length); n >= 0; n = in.read(buf, end, buf.length - end)) {
            end += n;
            for (int pos = nextBreak(buf, start, end); pos < end; pos = nextBreak(buf, pos + 1, end)) {
                byte b = buf[pos];
                if (b == '\n' && afterCr && pos == start) {
                    start = pos + 1; // the LF of a CR LF pair
                } else {
                    if (!skipping) {
                        emit(buf, start, pos, sink);
                    }
                    skipping = false;
                    start = pos + 1;
                }
                afterCr = b == '\r';
            }
            if (end - start > maxLineBytes) {
                // No break within the maximum: drop what we hold of this line and the rest up to its break.
                if (!skipping) {
                    sink.overlong();
                }
                skipping = true;
                start = end;
                afterCr = false;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer, within the maximum
            }
        }
        if (start < end && !skipping) {
            emit(buf, start, end, sink);
        }
    }

    private void emit(byte[] buf, int from, int to, LineSink sink) throws IOException {
        if (to - from > maxLineBytes) {
            sink.overlong();
        } else {
            sink.line(buf, from, to);
        }
    }

    /**
     * Index of the first LF or CR in {@code buf[from, to)}, or {@code to}. Reads eight bytes at a
     * time and finds a matching byte with the zero-byte test ({@code (v - 0x01..) & ~v & 0x80..} is
     * non-zero in the lowest byte where v is zero; higher bytes may be false hits, so only the lowest
     * one is used): the line split was an eighth of the decode time one byte at a time.
     */
    static int nextBreak(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(buf, i);
            long lf = x ^ (ONES * '\n');
            long cr = x ^ (ONES * '\r');
            long found = (((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return i;
            }
        }
        return to;
    }
}
