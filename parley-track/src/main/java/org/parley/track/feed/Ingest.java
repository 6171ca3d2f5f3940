package org.parley.track.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * Bytes of one feed kind to position reports. One instance per feed, used by the feed's thread
 * only; its decoder state (AIS fragments and ship types, ADS-B CPR pairs) lives across reconnects.
 */
sealed interface Ingest permits AisIngest, BeastIngest, SbsIngest {

    /**
     * Reads a live stream (one TCP connection, one UDP datagram) to its end; each position is dated
     * by the instant of the read that brought it. Bad input is counted; only I/O errors throw.
     */
    void live(TimedInputStream in) throws IOException;

    /** One UDP datagram {@code buffer[0, length)}, received at {@code at}: lines, the last maybe unterminated. */
    default void datagram(byte[] buffer, int length, InstantSource at) throws IOException {
        live(new TimedInputStream(new ByteArrayInputStream(buffer, 0, length), at));
    }

    /**
     * Reads a recording (plain or gzip, told by its magic bytes) to its end, each position held back
     * by {@code pacer} to its file time and then dated by {@code clock} as it is emitted.
     */
    void replay(Path file, Pacer pacer, InstantSource clock) throws IOException;

    static Ingest of(FeedKind kind, FeedOutput out, InstantSource clock) {
        return switch (kind) {
            case AIS -> new AisIngest(out, clock);
            case BEAST -> new BeastIngest(out);
            case SBS -> new SbsIngest(out);
        };
    }
}
