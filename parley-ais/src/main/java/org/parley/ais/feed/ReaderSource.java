package org.parley.ais.feed;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Lines of a byte stream (a file, stdin or a TCP connection). Gzip is recognised by its magic bytes
 * in files and stdin only: a socket speaks the receiver's format, and inflating what a remote peer
 * sends would let a few kilobytes expand to gigabytes of work.
 */
final class ReaderSource implements LineSource {
    private static final int READ_BYTES = 1 << 16;

    private final InputStream in;
    private final @Nullable AutoCloseable extra;
    private final boolean gzipAllowed;

    ReaderSource(InputStream in, @Nullable AutoCloseable extra, boolean gzipAllowed) {
        this.in = in;
        this.extra = extra;
        this.gzipAllowed = gzipAllowed;
    }

    @Override
    public void run(LineFramer framer, LineFramer.LineSink sink) throws IOException {
        framer.frame(gzipAllowed ? LineFramer.decompressed(in) : in, READ_BYTES, sink);
    }

    @Override
    public void close() throws IOException {
        in.close();
        if (extra != null) {
            try {
                extra.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
