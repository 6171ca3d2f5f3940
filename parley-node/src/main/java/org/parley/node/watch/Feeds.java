package org.parley.node.watch;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.parley.track.PositionReport;
import org.parley.track.feed.FeedSpec;
import org.parley.track.feed.FeedStats;
import org.parley.track.feed.LiveFeed;

/** Starts the feeds of node.yaml's {@code watch.feeds} on parley-track's live feed readers. */
final class Feeds {
    private Feeds() {}

    static List<WatchLoop.FeedHandle> start(List<FeedSpec> specs, InstantSource clock, Consumer<PositionReport> sink) {
        List<WatchLoop.FeedHandle> started = new ArrayList<>();
        try {
            for (FeedSpec spec : specs) {
                started.add(new Handle(LiveFeed.start(spec, clock, sink), clock.instant()));
            }
        } catch (RuntimeException e) {
            started.forEach(WatchLoop.FeedHandle::close);
            throw e;
        }
        return started;
    }

    /** A running feed as the watch sees it. */
    private record Handle(LiveFeed feed, Instant started) implements WatchLoop.FeedHandle {
        @Override
        public FeedView view() {
            FeedStats s = feed.stats();
            return new FeedView(
                    s.name(),
                    s.kind().configName(),
                    s.connected(),
                    s.messages(),
                    s.positions(),
                    Map.copyOf(s.rejectedByReason()),
                    s.lastMessageAt());
        }

        @Override
        public void close() {
            feed.close();
        }
    }
}
