package org.parley.adsb.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.parley.adsb.ModeSFrame;

/**
 * Beast binary framing (Mode-S Beast manual, "binary format"): {@code 0x1a}, a type byte ('1' Mode
 * A/C 2 bytes, '2' Mode S short 7 bytes, '3' Mode S long 14 bytes), 6 bytes of 12 MHz
 * timestamp, 1 byte signal level, then the payload. A 0x1a inside those bytes is sent twice.
 * A lone 0x1a inside a body starts a new frame: the partial one is rejected and reading resyncs.
 */
final class BeastReader {
    private static final int ESC = 0x1a;
    private final byte[] body = new byte[6 + 1 + 14];
    private int expected;
    private int filled;
    private int type;
    private boolean escape;
    private boolean inFrame;
    private boolean awaitType;
    private long skipped;

    void read(InputStream in, Consumer<FeedRecord> sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            accept(buf, n, sink);
        }
        if (inFrame || awaitType) {
            sink.accept(new FeedRecord.Rejected("Beast stream ended inside a frame"));
        }
    }

    void accept(byte[] buf, int n, Consumer<FeedRecord> sink) {
        for (int i = 0; i < n; i++) {
            int b = buf[i] & 0xFF;
            if (awaitType) {
                awaitType = false;
                startFrame(b, sink);
            } else if (inFrame) {
                if (escape) {
                    escape = false;
                    if (b == ESC) {
                        store(b, sink);
                    } else {
                        sink.accept(new FeedRecord.Rejected("Beast frame cut short by an unescaped 0x1a"));
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
                    sink.accept(new FeedRecord.Rejected(skipped + " bytes outside Beast frames skipped"));
                    skipped = 0;
                }
            } else {
                skipped++;
            }
        }
    }

    private void startFrame(int typeByte, Consumer<FeedRecord> sink) {
        int payload = switch (typeByte) {
            case '1' -> 2;
            case '2' -> 7;
            case '3' -> 14;
            case '4' -> 14; // receiver status frame: read and drop
            default -> -1;
        };
        if (payload < 0) {
            if (typeByte != ESC) {
                sink.accept(new FeedRecord.Rejected(String.format("unknown Beast frame type 0x%02x", typeByte)));
            }
            return;
        }
        type = typeByte;
        expected = 7 + payload;
        filled = 0;
        escape = false;
        inFrame = true;
    }

    private void store(int b, Consumer<FeedRecord> sink) {
        body[filled++] = (byte) b;
        if (filled == expected) {
            inFrame = false;
            emit(sink);
        }
    }

    private void emit(Consumer<FeedRecord> sink) {
        long ts = 0;
        for (int i = 0; i < 6; i++) {
            ts = (ts << 8) | (body[i] & 0xFF);
        }
        int signal = body[6] & 0xFF;
        switch (type) {
            case '1' -> sink.accept(new FeedRecord.ModeAc(((body[7] & 0xFF) << 8) | (body[8] & 0xFF)));
            case '2', '3' -> {
                byte[] payload = new byte[expected - 7];
                System.arraycopy(body, 7, payload, 0, payload.length);
                sink.accept(new FeedRecord.Frame(ModeSFrame.of(payload), OptionalLong.of(ts), OptionalInt.of(signal)));
            }
            default -> {
                // '4': receiver status, not a reply.
            }
        }
    }
}
