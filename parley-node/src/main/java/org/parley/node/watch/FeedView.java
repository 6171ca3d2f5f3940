package org.parley.node.watch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How one feed is doing, for /metrics and the console.
 *
 * @param messages lines or frames read
 * @param positions position reports handed to the engine
 * @param rejectedByReason unusable input, counted per reason
 * @param lastMessageAt when the feed last said anything
 */
public record FeedView(
        String name,
        String kind,
        boolean connected,
        long messages,
        long positions,
        Map<String, Long> rejectedByReason,
        Optional<Instant> lastMessageAt) {
    public FeedView {
        rejectedByReason = Map.copyOf(rejectedByReason);
    }
}
