package org.parley.adsb.feed;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.parley.adsb.ModeSFrame;

/**
 * Beast binary framing (Mode-S Beast manual, "binary format"): {@code 0x1a}, a type byte ('1' Mode
 * A/C 2 bytes, '2' Mode S short 7 bytes, '3' Mode S long 14 bytes), 6 bytes of 12 MHz
 * timestamp, 1 byte signal level, then the payload. A 0x1a inside those bytes is sent twice.
 * A lone 0x1a inside a body starts a new frame: the partial one is rejected and reading resyncs.
 *
 * <pre>
 *   0x1a | type | timestamp (6, big-endian, 12 MHz) | signal (1) | payload (2, 7 or 14)
 * </pre>
 *
 * <p>A frame that lies whole in the input buffer with no 0x1a in its body (nearly every frame) is
 * handed to the {@link Frames} sink in place, without a copy; a whole frame holding escaped bytes is
 * unescaped into a small body buffer in one pass; only a frame split by a buffer boundary, or cut by
 * a lone 0x1a, goes through the byte-at-a-time state machine (which uses the same body buffer).
 */
final class BeastReader {
    private static final int ESC = 0x1a;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ESC_BYTES = 0x1a1a_1a1a_1a1a_1a1aL;
    private static final long LOW_BITS = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /** Where frames go: a Mode S payload as a range of a buffer that is valid during the call only. */
    interface Frames {
        void modeS(byte[] buffer, int payloadOffset, int payloadLength, long timestamp12MHz, int signal);

        /** Mode A/C replies and rejected input. */
        void record(FeedRecord record);
    }

    private final byte[] body = new byte[6 + 1 + 14];
    private int expected;
    private int filled;
    private int type;
    private boolean escape;
    private boolean inFrame;
    private boolean awaitType;
    private long skipped;

    /** Reads to the end of {@code in}, as {@link FeedRecord}s: each Mode S frame copied once into its {@link ModeSFrame}. */
    void read(InputStream in, Consumer<FeedRecord> sink) throws IOException {
        read(in, new Frames() {
            @Override
            public void modeS(byte[] buffer, int offset, int length, long timestamp, int signal) {
                sink.accept(new FeedRecord.Frame(
                        ModeSFrame.of(buffer, offset, length), OptionalLong.of(timestamp), OptionalInt.of(signal)));
            }

            @Override
            public void record(FeedRecord record) {
                sink.accept(record);
            }
        });
    }

    void read(InputStream in, Frames sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            accept(buf, n, sink);
        }
        if (inFrame || awaitType) {
            sink.record(new FeedRecord.Rejected("Beast stream ended inside a frame"));
        }
    }

    void accept(byte[] buf, int n, Frames sink) {
        int i = 0;
        while (i < n) {
            if (!inFrame && !awaitType && skipped == 0 && buf[i] == ESC) {
                int whole = wholeFrame(buf, i, n);
                if (whole > 0) {
                    emitInPlace(buf, i, sink);
                    i += whole;
                    continue;
                }
                whole = unescapeWhole(buf, i, n);
                if (whole > 0) {
                    emit(sink);
                    i += whole;
                    continue;
                }
            }
            step(buf[i] & 0xFF, sink);
            i++;
        }
    }

    /**
     * The length (2 + body) of the Mode S or Mode A/C frame starting at {@code buf[i]} (a 0x1a) if
     * all of it is before {@code n} and its body holds no 0x1a; otherwise 0.
     */
    private static int wholeFrame(byte[] buf, int i, int n) {
        if (i + 1 >= n) {
            return 0;
        }
        int payload = switch (buf[i + 1]) {
            case '1' -> 2;
            case '2' -> 7;
            case '3' -> 14;
            default -> -1;
        };
        int end = i + 2 + 7 + payload;
        if (payload < 0 || end > n) {
            return 0;
        }
        // The body (9, 14 or 21 bytes) read as two or three overlapping 8-byte words.
        int from = i + 2;
        if (hasEsc((long) LONGS.get(buf, from))
                || hasEsc((long) LONGS.get(buf, end - 8))
                || (end - from > 16 && hasEsc((long) LONGS.get(buf, from + 8)))) {
            return 0;
        }
        return end - i;
    }

    /**
     * A frame that lies whole in the buffer but holds escaped bytes (0x1a 0x1a for each 0x1a of the
     * timestamp, signal or payload: about one frame in twelve) is unescaped into {@link #body} in one
     * pass; returns the bytes it took, or 0 when the frame runs past {@code n} or holds a lone 0x1a,
     * which the state machine then handles (a lone 0x1a starts a new frame and rejects this one).
     */
    private int unescapeWhole(byte[] buf, int i, int n) {
        if (i + 1 >= n) {
            return 0;
        }
        int typeByte = buf[i + 1];
        int payload = switch (typeByte) {
            case '1' -> 2;
            case '2' -> 7;
            case '3' -> 14;
            default -> -1;
        };
        if (payload < 0) {
            return 0;
        }
        int want = 7 + payload;
        int j = i + 2;
        for (int k = 0; k < want; k++) {
            if (j >= n) {
                return 0;
            }
            byte b = buf[j];
            if (b == ESC) {
                if (j + 1 >= n || buf[j + 1] != ESC) {
                    return 0;
                }
                j++;
            }
            body[k] = b;
            j++;
        }
        type = typeByte;
        expected = want;
        return j - i;
    }

    /** Whether a byte of {@code word} is 0x1a: the zero-byte test on {@code word ^ 0x1a...} (no false positives). */
    static boolean hasEsc(long word) {
        long x = word ^ ESC_BYTES;
        return ((x - LOW_BITS) & ~x & HIGH_BITS) != 0;
    }

    private static void emitInPlace(byte[] buf, int i, Frames sink) {
        int b = i + 2;
        long ts = ((long) (buf[b] & 0xFF) << 40)
                | ((long) (buf[b + 1] & 0xFF) << 32)
                | ((long) (buf[b + 2] & 0xFF) << 24)
                | ((buf[b + 3] & 0xFF) << 16)
                | ((buf[b + 4] & 0xFF) << 8)
                | (buf[b + 5] & 0xFF);
        int signal = buf[b + 6] & 0xFF;
        if (buf[i + 1] == '1') {
            sink.record(new FeedRecord.ModeAc(((buf[b + 7] & 0xFF) << 8) | (buf[b + 8] & 0xFF)));
        } else {
            sink.modeS(buf, b + 7, buf[i + 1] == '2' ? 7 : 14, ts, signal);
        }
    }

    private void step(int b, Frames sink) {
        if (awaitType) {
            awaitType = false;
            startFrame(b, sink);
        } else if (inFrame) {
            if (escape) {
                escape = false;
                if (b == ESC) {
                    store(b, sink);
                } else {
                    sink.record(new FeedRecord.Rejected("Beast frame cut short by an unescaped 0x1a"));
                    inFrame = false;
                    startFrame(b, sink);
                }
            } else if (b == ESC) {
                escape = true;
            } else {
                store(b, sink);
            }
        } else if (b == ESC) {
            awaitType = true;
            if (skipped > 0) {
                sink.record(new FeedRecord.Rejected(skipped + " bytes outside Beast frames skipped"));
                skipped = 0;
            }
        } else {
            skipped++;
        }
    }

    private void startFrame(int typeByte, Frames sink) {
        int payload = switch (typeByte) {
            case '1' -> 2;
            case '2' -> 7;
            case '3' -> 14;
            case '4' -> 14; // receiver status frame: read and drop
            default -> -1;
        };
        if (payload < 0) {
            if (typeByte != ESC) {
                sink.record(new FeedRecord.Rejected(String.format("unknown Beast frame type 0x%02x", typeByte)));
            }
            return;
        }
        type = typeByte;
        expected = 7 + payload;
        filled = 0;
        escape = false;
        inFrame = true;
    }

    private void store(int b, Frames sink) {
        body[filled++] = (byte) b;
        if (filled == expected) {
            inFrame = false;
            emit(sink);
        }
    }

    private void emit(Frames sink) {
        long ts = 0;
        for (int i = 0; i < 6; i++) {
            ts = (ts << 8) | (body[i] & 0xFF);
        }
        int signal = body[6] & 0xFF;
        switch (type) {
            case '1' -> sink.record(new FeedRecord.ModeAc(((body[7] & 0xFF) << 8) | (body[8] & 0xFF)));
            case '2', '3' -> sink.modeS(body, 7, expected - 7, ts, signal);
            default -> {
                // '4': receiver status, not a reply.
            }
        }
    }
}
