package org.parley.track.feed;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one feed has done since it started: a snapshot, consistent per counter (not across them).
 *
 * @param source where it reads, e.g. {@code tcp://127.0.0.1:30005}
 * @param messages lines (AIS, SBS) or frames (Beast) received, good or bad
 * @param positions position reports handed to the sink
 * @param rejectedByReason bad input by reason: the decoders' reasons ({@code BAD_CHECKSUM}, {@code
 *     BAD_PARITY}, ...), {@code OVERLONG_LINE} (a line over 4096 bytes for AIS, 512 for SBS: skipped
 *     whole), {@code UNDATED} (a replayed position with no time), {@code BEAST_*}, {@code SBS_*},
 *     {@code SINK_FAILED} (the sink threw), {@code FILE_UNREADABLE}, {@code SENDER_NOT_ALLOWED} (a UDP
 *     datagram from outside the feed's allowFrom: dropped, not counted in {@code messages})
 * @param lastMessageAt when the last message arrived, by the feed's clock
 * @param connected a TCP connection is open, a UDP socket bound, or a file being read
 * @param connects how many times it became connected
 * @param disconnects how many connections ended (closed by the peer, silent, broken)
 * @param finished the feed has stopped for good: end of a replayed file, or {@link LiveFeed#close}
 */
public record FeedStats(
        String name,
        FeedKind kind,
        String source,
        long messages,
        long positions,
        Map<String, Long> rejectedByReason,
        Optional<Instant> lastMessageAt,
        boolean connected,
        long connects,
        long disconnects,
        boolean finished) {

    public FeedStats {
        if (messages < 0 || positions < 0 || connects < 0 || disconnects < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        rejectedByReason = Collections.unmodifiableMap(new TreeMap<>(rejectedByReason));
    }

    /** All rejected input, whatever the reason. */
    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejected input of one reason; 0 when none. */
    public long rejected(String reason) {
        return rejectedByReason.getOrDefault(reason, 0L);
    }
}
