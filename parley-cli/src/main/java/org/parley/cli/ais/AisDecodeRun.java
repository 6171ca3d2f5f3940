package org.parley.cli.ais;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisResult;
import org.parley.ais.RejectReason;
import org.parley.ais.feed.LineFramer;
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

    private final AisDecoder decoder = AisDecoder.create();
    private final GpsdJson json = new GpsdJson();
    private final JsonBytes buffer = new JsonBytes(FLUSH_BYTES + (1 << 14));
    private final OutputStream out;
    private final boolean statsOnly;
    private long lines;
    private long overlong;

    private AisDecodeRun(OutputStream out, boolean statsOnly) {
        this.out = out;
        this.statsOnly = statsOnly;
    }

    /** Opens {@code input}: a file or {@code -} for stdin, gzip recognised by its magic bytes. */
    static InputStream open(String input) throws IOException {
        return LineFramer.decompressed("-".equals(input) ? System.in : Files.newInputStream(Path.of(input)));
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

    /** Lines as {@link LineFramer} splits them (the same rules as every AIS feed of Parley). */
    private void readAll(InputStream in, int readBytes) throws IOException {
        new LineFramer(LineFramer.DEFAULT_MAX_LINE_BYTES).frame(in, readBytes, new LineFramer.LineSink() {
            @Override
            public void line(byte[] buffer, int from, int to) throws IOException {
                AisDecodeRun.this.line(buffer, from, to);
            }

            @Override
            public void overlong() {
                lines++;
                overlong++;
            }
        });
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
        if (overlong > 0) {
            sb.append("\nlines longer than ")
                    .append(LineFramer.DEFAULT_MAX_LINE_BYTES)
                    .append(" bytes, skipped ")
                    .append(overlong);
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
