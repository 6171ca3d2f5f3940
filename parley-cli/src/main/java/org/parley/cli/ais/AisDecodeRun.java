package org.parley.cli.ais;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisResult;
import org.parley.ais.RejectReason;
import org.parley.ais.gpsd.GpsdJson;
import org.parley.ais.gpsd.JsonBytes;

/**
 * The work of {@code parley ais decode}, shared by the picocli command and the launcher's direct
 * entry {@link AisDecodeMain}: bytes in, bytes out. Lines are split in a large input buffer and
 * handed to the decoder as byte ranges; JSON is encoded into one reusable byte buffer that goes to
 * the output in large writes. No {@code String} is made per line or per object.
 */
final class AisDecodeRun {
    private static final int READ_BYTES = 1 << 20;
    private static final int FLUSH_BYTES = 1 << 18;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final AisDecoder decoder = AisDecoder.create();
    private final GpsdJson json = new GpsdJson();
    private final JsonBytes buffer = new JsonBytes(FLUSH_BYTES + (1 << 14));
    private final OutputStream out;
    private final boolean statsOnly;
    private long lines;

    private AisDecodeRun(OutputStream out, boolean statsOnly) {
        this.out = out;
        this.statsOnly = statsOnly;
    }

    /** Opens {@code input}: a file (gzip when it ends in .gz) or {@code -} for stdin. */
    static InputStream open(String input) throws IOException {
        InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
        return input.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * Decodes all of {@code in}, writes the JSON lines to {@code out} (flushed at the end) and
     * returns the summary for stderr.
     */
    static String run(InputStream in, OutputStream out, boolean statsOnly) throws IOException {
        return run(in, out, statsOnly, READ_BYTES);
    }

    /** As {@link #run(InputStream, OutputStream, boolean)} with a given initial read buffer (tests). */
    static String run(InputStream in, OutputStream out, boolean statsOnly, int readBytes) throws IOException {
        long start = System.nanoTime();
        AisDecodeRun run = new AisDecodeRun(out, statsOnly);
        run.readAll(in, readBytes);
        run.buffer.writeTo(out);
        out.flush();
        return run.summary(System.nanoTime() - start);
    }

    /**
     * Splits the input into lines as {@link java.io.BufferedReader#readLine} does (LF, CR or CR LF
     * end a line; a last line without terminator counts), so line counts match the text reader.
     */
    private void readAll(InputStream in, int readBytes) throws IOException {
        byte[] buf = new byte[readBytes];
        int start = 0;
        int end = 0;
        boolean afterCr = false;
        for (int n = in.read(buf, 0, buf.length); n >= 0; n = in.read(buf, end, buf.length - end)) {
            end += n;
            for (int pos = nextBreak(buf, start, end); pos < end; pos = nextBreak(buf, pos + 1, end)) {
                byte b = buf[pos];
                if (b == '\n' && afterCr && pos == start) {
                    start = pos + 1; // the LF of a CR LF pair
                } else {
                    line(buf, start, pos);
                    start = pos + 1;
                }
                afterCr = b == '\r';
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
            }
        }
        if (start < end) {
            line(buf, start, end);
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

    private void line(byte[] buf, int from, int to) throws IOException {
        lines++;
        if (decoder.decode(buf, from, to) instanceof AisResult.Decoded d
                && !statsOnly
                && json.append(d.message(), buffer)) {
            buffer.append('\n');
            if (buffer.length() >= FLUSH_BYTES) {
                buffer.writeTo(out);
            }
        }
    }

    private String summary(long nanos) {
        StringBuilder sb = new StringBuilder();
        sb.append("lines ").append(lines).append(", decoded ").append(decoder.decodedCount());
        long rejected = 0;
        for (Map.Entry<RejectReason, Long> e : decoder.rejectCounts().entrySet()) {
            rejected += e.getValue();
        }
        sb.append(", rejected ").append(rejected);
        for (Map.Entry<RejectReason, Long> e : decoder.rejectCounts().entrySet()) {
            sb.append("\n  ")
                    .append(e.getKey().name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(e.getValue());
        }
        if (decoder.tagBlockChecksumMismatches() > 0) {
            sb.append("\ntag blocks with a wrong checksum ")
                    .append(decoder.tagBlockChecksumMismatches())
                    .append(" (decoded anyway: their sentences' checksums decide)");
        }
        double seconds = nanos / 1e9;
        sb.append(
                String.format(Locale.ROOT, "%nelapsed %.3f s, %.0f lines/s", seconds, lines / Math.max(seconds, 1e-9)));
        return sb.toString();
    }
}
