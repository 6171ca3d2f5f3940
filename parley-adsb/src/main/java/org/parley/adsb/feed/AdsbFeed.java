package org.parley.adsb.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.adsb.AdsbDecoder;
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
     * When a frame was received, from the feed's 48-bit 12 MHz timestamp of it ({@code -1} when the
     * feed carries none): a live feed answers with its clock, a replay with a base instant plus the
     * timestamp.
     */
    @FunctionalInterface
    public interface ReceiveTime {
        Instant of(long timestamp12MHz);
    }

    /** What {@link #decode} hands over, in feed order. */
    public interface Listener {
        /** The decoder's result for one Mode S frame of the feed. */
        void result(AdsbResult result);

        /** Anything else the feed held: Mode A/C replies, BaseStation reports, rejected input; never a frame. */
        void record(FeedRecord record);
    }

    /**
     * Reads {@code in} to its end in the given format and decodes every Mode S frame with {@code
     * decoder}, received at {@code receiveTime.of(its timestamp)} (asked once per frame). The same results as
     * {@link #read} followed by {@link AdsbDecoder#decode(org.parley.adsb.ModeSFrame, Instant)} per
     * frame, but a Beast frame is decoded straight from the input buffer: no {@link FeedRecord} or
     * {@link org.parley.adsb.ModeSFrame} is made for it, and a frame the decoder refuses costs no
     * allocation. The stream is not closed.
     */
    public static void decode(
            InputStream in, FeedFormat format, AdsbDecoder decoder, ReceiveTime receiveTime, Listener listener)
            throws IOException {
        switch (format) {
            case BEAST ->
                new BeastReader().read(in, new BeastReader.Frames() {
                    @Override
                    public void modeS(byte[] buffer, int offset, int length, long timestamp, int signal) {
                        listener.result(decoder.decode(buffer, offset, length, receiveTime.of(timestamp)));
                    }

                    @Override
                    public void record(FeedRecord record) {
                        listener.record(record);
                    }
                });
            case AVR, SBS ->
                TextLines.read(in, format, record -> {
                    if (record instanceof FeedRecord.Frame f) {
                        listener.result(decoder.decode(
                                f.frame(), receiveTime.of(f.timestamp12MHz().orElse(-1))));
                    } else {
                        listener.record(record);
                    }
                });
        }
    }

    /** {@link #decode} after guessing the format as {@link #readDetected} does; returns the format. */
    public static FeedFormat decodeDetected(
            InputStream in, AdsbDecoder decoder, ReceiveTime receiveTime, Listener listener) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        FeedFormat format = peekFormat(buffered);
        decode(buffered, format, decoder, receiveTime, listener);
        return format;
    }

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
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        FeedFormat format = peekFormat(buffered);
        read(buffered, format, sink);
        return format;
    }

    /** The format of the stream's first significant byte, which stays unread. */
    private static FeedFormat peekFormat(BufferedInputStream buffered) throws IOException {
        // Peek only up to the first significant byte: a live receiver port may send slowly.
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
        return detect(head, n);
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
