package org.parley.ais.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class LineFramerTest {
    /** The lines of {@code text} as the framer hands them over, with "<overlong>" for a skipped one. */
    private static List<String> lines(String text, int maxLineBytes, int readBytes) throws IOException {
        List<String> out = new ArrayList<>();
        new LineFramer(maxLineBytes)
                .frame(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                        readBytes,
                        new LineFramer.LineSink() {
                            @Override
                            public void line(byte[] buffer, int from, int to) {
                                out.add(new String(buffer, from, to - from, StandardCharsets.ISO_8859_1));
                            }

                            @Override
                            public void overlong() {
                                out.add("<overlong>");
                            }
                        });
        return out;
    }

    @Test
    void frame_lfCrAndCrLf_splitAsReadLineDoes() throws IOException {
        String text = "a\nb\rc\r\nd\n\ne\r\rf";

        assertThat(lines(text, 100, 4)).containsExactlyElementsOf(text.lines().toList());
        assertThat(lines(text, 100, 4)).containsExactly("a", "b", "c", "d", "", "e", "", "f");
    }

    @Test
    void frame_crLfSplitAcrossReads_isOneBreak() throws IOException {
        // With 2-byte reads the CR and the LF of "ab\r\n" arrive in different reads.
        assertThat(lines("ab\r\ncd\r\n", 100, 2)).containsExactly("ab", "cd");
    }

    @Test
    void frame_lineLongerThanMaximum_isSkippedAndCountedNotKept() throws IOException {
        String longLine = "x".repeat(5_000);

        assertThat(lines("ok1\n" + longLine + "\nok2\n", 4096, 64)).containsExactly("ok1", "<overlong>", "ok2");
        assertThat(lines(longLine + "\r\nok\n", 4096, 1 << 16)).containsExactly("<overlong>", "ok");
    }

    @Test
    void frame_endlessLineWithoutBreak_reportedOnceAndNeverHanded() throws IOException {
        // 1 MB with no line break: one overlong line, nothing handed over as a line.
        InputStream endless = new InputStream() {
            private int left = 1 << 20;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        List<String> out = new ArrayList<>();
        int[] overlong = {0};
        new LineFramer(4096).frame(endless, 1024, new LineFramer.LineSink() {
            @Override
            public void line(byte[] buffer, int from, int to) {
                out.add(new String(buffer, from, to - from, StandardCharsets.ISO_8859_1));
            }

            @Override
            public void overlong() {
                overlong[0]++;
            }
        });

        assertThat(out).isEmpty();
        assertThat(overlong[0]).isEqualTo(1);
    }

    @Test
    void decompressed_gzipByMagicBytes_plainPassesThrough() throws IOException {
        byte[] plain = "!AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(plain);
        }

        assertThat(LineFramer.decompressed(new ByteArrayInputStream(zipped.toByteArray()))
                        .readAllBytes())
                .isEqualTo(plain);
        assertThat(LineFramer.decompressed(new ByteArrayInputStream(plain)).readAllBytes())
                .isEqualTo(plain);
    }

    @Test
    void new_zeroMaximum_isRefused() {
        assertThatThrownBy(() -> new LineFramer(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Bytes next to LF and CR in value, zero, high-bit bytes and '!': the ones a word-wise search may confuse. */
    private static final byte[] AWKWARD = {0, 0x09, 0x0B, 0x0C, 0x0E, (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, '!'};

    /**
     * The eight-bytes-at-a-time search finds the same first line break as a byte loop, whatever
     * surrounds it: bytes next to LF and CR in value (0x09, 0x0B, 0x0C, 0x0E), zero bytes, bytes with
     * the high bit set (0x8A, 0x8D, 0xFF) and breaks at every offset of a word. 3,000 seeded tries;
     * a failure names its seed, and {@code -Dparley.seed=N} replays it.
     */
    @Test
    void nextBreak_anyBytesAndRange_sameAsByteLoop() {
        long seed = Long.getLong("parley.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 0; attempt < 3_000; attempt++) {
            byte[] buf = lineBytes(random, random.nextInt(81));
            int start = Math.min(random.nextInt(81), buf.length);
            int end = Math.max(start, Math.min(random.nextInt(81), buf.length));
            int expected = end;
            for (int i = start; i < end; i++) {
                if (buf[i] == '\n' || buf[i] == '\r') {
                    expected = i;
                    break;
                }
            }

            assertThat(LineFramer.nextBreak(buf, start, end))
                    .as("seed %d (replay with -Dparley.seed=%d), try %d", seed, seed, attempt)
                    .isEqualTo(expected);
        }
    }

    /** Random bytes weighted 20 : 3 : 2 between any byte, a line break and an awkward byte. */
    private static byte[] lineBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(25);
            if (pick < 20) {
                bytes[i] = (byte) random.nextInt(256);
            } else if (pick < 23) {
                bytes[i] = random.nextBoolean() ? (byte) '\n' : (byte) '\r';
            } else {
                bytes[i] = AWKWARD[random.nextInt(AWKWARD.length)];
            }
        }
        return bytes;
    }
}
