package org.parley.ais.feed;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Lines of a byte stream (a file, stdin or a TCP connection); gzip is recognised by its magic bytes. */
final class ReaderSource implements LineSource {
    private static final int READ_BYTES = 1 << 16;

    private final InputStream in;
    private final @Nullable AutoCloseable extra;

    ReaderSource(InputStream in, @Nullable AutoCloseable extra) {
        this.in = in;
        this.extra = extra;
    }

    @Override
    public void run(LineFramer framer, LineFramer.LineSink sink) throws IOException {
        framer.frame(LineFramer.decompressed(in), READ_BYTES, sink);
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
