package org.parley.node.watch;

import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import org.parley.track.PositionReport;

/** Starts the feeds of node.yaml's {@code watch.feeds} on parley-track's live feed readers. */
final class Feeds {
    private Feeds() {}

    static List<WatchLoop.FeedHandle> start(
            List<WatchConfig.FeedEntry> entries, InstantSource clock, Consumer<PositionReport> sink) {
        if (!entries.isEmpty()) {
            throw new IllegalStateException("watch.feeds: live feed readers are not wired in yet");
        }
        return List.of();
    }
}
