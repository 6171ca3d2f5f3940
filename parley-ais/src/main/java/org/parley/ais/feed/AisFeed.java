package org.parley.ais.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisResult;
import org.parley.ais.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source of AIS NMEA lines run through one {@link AisDecoder}: a file (plain or gzip), stdin, a TCP
 * server we connect to, or a UDP port we listen on. A bad line never stops a feed; it is counted
 * per reason ({@link #rejectCounts}). {@link #run} blocks until the source ends or {@link #close}
 * is called from another thread.
 */
public final class AisFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AisFeed.class);

    private final String name;
    private final LineSource source;
    private final AisDecoder decoder;
    private final LineFramer framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_BYTES);
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong overlong = new AtomicLong();

    private AisFeed(String name, LineSource source, AisDecoder decoder) {
        this.name = name;
        this.source = source;
        this.decoder = decoder;
    }

    /** A file; gzip-compressed files are recognised by their content. */
    public static AisFeed file(Path path, AisDecoder decoder) {
        try {
            return new AisFeed(path.toString(), new ReaderSource(Files.newInputStream(path), null, true), decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open AIS file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Any stream, e.g. {@code System.in}; closed with the feed. */
    public static AisFeed stream(String name, InputStream in, AisDecoder decoder) {
        return new AisFeed(name, new ReaderSource(in, null, true), decoder);
    }

    /**
     * Connects to a TCP server that sends NMEA lines (e.g. an AIS receiver or AISHub relay); read
     * once, without reconnecting, and never inflated as gzip. The node's watch reads live feeds with
     * {@code org.parley.track.feed.LiveFeed}, which reconnects and drops a silent connection.
     */
    public static AisFeed tcp(String host, int port, AisDecoder decoder) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 10_000);
            return new AisFeed(
                    "tcp://" + host + ":" + port, new ReaderSource(socket.getInputStream(), socket, false), decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot connect to AIS server " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Listens for UDP datagrams on {@code port} (0 picks a free port, see {@link #localPort}). */
    public static AisFeed udp(int port, AisDecoder decoder) {
        try {
            return new AisFeed("udp://:" + port, new DatagramSource(new DatagramSocket(port)), decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for AIS on UDP port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The bound UDP port, or -1 for other feeds. */
    public int localPort() {
        return source instanceof DatagramSource d ? d.port() : -1;
    }

    /** Reads until the source ends, handing every decoded message to {@code sink}. */
    public void run(Consumer<AisResult.Decoded> sink) {
        try {
            source.run(framer, new LineFramer.LineSink() {
                @Override
                public void line(byte[] buffer, int from, int to) {
                    lines.incrementAndGet();
                    if (decoder.decode(buffer, from, to) instanceof AisResult.Decoded d) {
                        sink.accept(d);
                    }
                }

                @Override
                public void overlong() {
                    lines.incrementAndGet();
                    overlong.incrementAndGet();
                }
            });
        } catch (IOException e) {
            LOG.warn("AIS feed {} stopped: {}", name, e.getMessage());
        }
    }

    public long lineCount() {
        return lines.get();
    }

    /** Lines skipped for being longer than {@link LineFramer#DEFAULT_MAX_LINE_BYTES} (counted in {@link #lineCount}). */
    public long overlongCount() {
        return overlong.get();
    }

    public long decodedCount() {
        return decoder.decodedCount();
    }

    public Map<RejectReason, Long> rejectCounts() {
        return decoder.rejectCounts();
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            LOG.debug("closing AIS feed {}: {}", name, e.getMessage());
        }
    }
}
