package org.parley.ais.feed;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/** Lines of a byte stream; gzip is recognised by its magic bytes (RFC 1952 §2.3.1: 1f 8b). */
final class ReaderSource implements LineSource {
    private final BufferedReader reader;
    private final @Nullable AutoCloseable extra;

    ReaderSource(InputStream in, @Nullable AutoCloseable extra) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream body = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        // NMEA 0183 is ASCII; Latin-1 maps every byte to one char, so bad bytes never fail decoding.
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.ISO_8859_1), 1 << 16);
        this.extra = extra;
    }

    @Override
    public @Nullable String next() throws IOException {
        return reader.readLine();
    }

    @Override
    public void close() throws IOException {
        reader.close();
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
