package org.parley.track.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A stream that remembers when its last read returned data: the receive instant of every line or
 * frame in that read (one clock reading per read, not per line, keeps the hot path cheap).
 */
final class TimedInputStream extends FilterInputStream {
    private final InstantSource clock;
    private Instant lastReadAt;

    TimedInputStream(InputStream in, InstantSource clock) {
        super(in);
        this.clock = clock;
        this.lastReadAt = clock.instant();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            lastReadAt = clock.instant();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            lastReadAt = clock.instant();
        }
        return n;
    }

    Instant lastReadAt() {
        return lastReadAt;
    }
}
