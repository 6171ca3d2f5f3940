package org.parley.adsb.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.adsb.AdsbResult;

/**
 * Reads receiver feeds (dump1090, readsb, Beast hardware) into {@link FeedRecord}s, and writes
 * decoded frames back out in the BaseStation form of dump1090's port 30003.
 *
 * <p>Bad input never stops a feed: every unusable line or frame becomes one {@link
 * FeedRecord.Rejected} and reading goes on. Only I/O failures of the stream itself throw.
 */
public final class AdsbFeed {
    private static final int DETECT_BYTES = 4096;

    private AdsbFeed() {}

    /**
     * Reads {@code in} to its end in the given format, handing each record to {@code sink} in
     * order. The stream is not closed.
     */
    public static void read(InputStream in, FeedFormat format, Consumer<FeedRecord> sink) throws IOException {
        switch (format) {
            case BEAST -> new BeastReader().read(in, sink);
            case AVR, SBS -> TextLines.read(in, format, sink);
        }
    }

    /**
     * Reads {@code in} after guessing its format from the first bytes (0x1a: Beast; {@code MSG,}:
     * SBS; otherwise AVR).
     */
    public static FeedFormat readDetected(InputStream in, Consumer<FeedRecord> sink) throws IOException {
        // Peek only up to the first significant byte: a live receiver port may send slowly.
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(DETECT_BYTES);
        byte[] head = new byte[1];
        int n = 0;
        for (int i = 0; i < DETECT_BYTES; i++) {
            int b = buffered.read();
            if (b < 0) {
                break;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                head[0] = (byte) b;
                n = 1;
                break;
            }
        }
        buffered.reset();
        FeedFormat format = detect(head, n);
        read(buffered, format, sink);
        return format;
    }

    /** The format the first {@code length} bytes of a feed look like. */
    public static FeedFormat detect(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            if (b == 0x1a) {
                return FeedFormat.BEAST;
            }
            if (b == 'M' || b == 'S' || b == 'A' || b == 'I' || b == 'C') {
                return FeedFormat.SBS; // MSG, SEL, AIR, ID, STA, CLK lines
            }
            return FeedFormat.AVR;
        }
        return FeedFormat.AVR;
    }

    /**
     * Opens a TCP client connection to a receiver port (30002 AVR, 30003 SBS, 30005 Beast). The
     * caller reads the stream and closes the socket.
     */
    public static Socket connect(String host, int port, Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
        return socket;
    }

    /**
     * The dump1090 port-30003 line for a decoded frame, or empty for kinds dump1090 does not
     * write there (TC 20-22, 28, 29, 31 and other type codes).
     */
    public static Optional<String> baseStationLine(AdsbResult.Decoded decoded) {
        return BaseStationFormat.format(decoded);
    }
}
