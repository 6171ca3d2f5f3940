package org.parley.node.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.Unit;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own thread. Reports from every feed and from the API wait in one bounded queue (a
 * full queue makes the feeds wait, which slows their sockets: TCP's own back-pressure, nothing
 * dropped); the thread applies them in arrival order, sweeps on the engine's 10-second cadence of
 * feed time (and of the clock when the feeds are quiet, so encounters close), and hands every event
 * to the watch. Questions about the picture (the tracks in a box) are asked through the same queue,
 * so the engine, which is not thread-safe, is only ever touched by this thread.
 */
final class WatchLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);
    private static final int QUEUE = 65_536;
    private static final Duration TRACK_KEPT = Duration.ofMinutes(10);

    private final EncounterEngine engine;
    private final EncounterWatch watch;
    private final NodeEvents events;
    private final InstantSource clock;
    private final Duration feedSilentAfter;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Map<TargetId, PositionReport> latest = new HashMap<>();
    private final List<FeedHandle> feeds = new ArrayList<>();
    private final Set<String> silent = new HashSet<>();
    private final AtomicLong reports = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Instant lastReportTime = Instant.EPOCH;
    private volatile int trackCount;
    private Instant nextHousekeeping = Instant.EPOCH;
    /** When the newest report was applied, by the clock; null before the first. */
    private @Nullable Instant lastArrival;

    /** A question for the engine's thread, answered there. */
    private record Task(Runnable work) {}

    private WatchLoop(WatchConfig config, EncounterWatch watch, NodeEvents events, InstantSource clock) {
        this.engine = new EncounterEngine(config.encounter());
        this.watch = watch;
        this.events = events;
        this.clock = clock;
        this.feedSilentAfter = config.feedSilentAfter();
        this.thread = Thread.ofPlatform().name("encounter-watch").daemon().unstarted(this::run);
    }

    static WatchLoop start(WatchConfig config, EncounterWatch watch, NodeEvents events, InstantSource clock) {
        WatchLoop loop = new WatchLoop(config, watch, events, clock);
        loop.thread.start();
        loop.feeds.addAll(Feeds.start(config.feeds(), clock, loop::offer));
        config.cluster().ifPresent(cluster -> loop.feeds.add(ClusterFeedReader.start(cluster, watch, clock)));
        return loop;
    }

    /** Queues a report; waits while the queue is full (the engine is behind). */
    void offer(PositionReport report) {
        try {
            queue.put(report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<FeedView> feeds() {
        return feeds.stream().map(FeedHandle::view).toList();
    }

    /** Tracks the watch holds (as of the last report applied). */
    int trackCount() {
        return trackCount;
    }

    /** Reports applied since start. */
    long reportCount() {
        return reports.get();
    }

    /** Newest report time applied: the feed lag is the clock minus this. */
    Instant lastReportTime() {
        return lastReportTime;
    }

    List<TrackView> tracks(double west, double south, double east, double north) {
        CompletableFuture<List<TrackView>> answer = new CompletableFuture<>();
        offerTask(new Task(() -> answer.complete(inBox(west, south, east, north))));
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the watch for tracks", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the encounter watch did not answer within 10 s: " + e, e);
        }
    }

    private void offerTask(Task task) {
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<TrackView> inBox(double west, double south, double east, double north) {
        List<TrackView> out = new ArrayList<>();
        for (PositionReport r : latest.values()) {
            double lon = r.longitudeDegrees();
            boolean inLon = west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
            if (inLon && r.latitudeDegrees() >= south && r.latitudeDegrees() <= north) {
                Unit unit = engine.unit(r.target());
                out.add(new TrackView(
                        r.target().label(),
                        unit.party(),
                        unit.name().orElse(r.target().label()),
                        r.target().defaultDomain(),
                        r));
            }
        }
        return out;
    }

    private void run() {
        List<Object> batch = new ArrayList<>(4_096);
        while (running) {
            try {
                Object first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 4_095);
                    batch.forEach(this::apply);
                    batch.clear();
                }
                Instant now = clock.instant();
                if (lastArrival != null) {
                    // Feed time runs on with the clock while the feeds are quiet, from the newest
                    // report: reports that arrive late (an own system's batch) keep their times, and
                    // a quiet sea still sweeps, so encounters close.
                    deliver(engine.advanceTo(lastReportTime.plus(Duration.between(lastArrival, now))));
                }
                if (!now.isBefore(nextHousekeeping)) {
                    housekeeping(now);
                    nextHousekeeping = now.plusSeconds(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The watch must outlive one bad event (a store hiccup): the next batch tries again.
                LOG.error("encounter watch: {}", e.toString(), e);
                batch.clear();
            }
        }
    }

    private void apply(Object item) {
        switch (item) {
            case PositionReport report -> {
                deliver(engine.advanceTo(report.time()));
                // In the table before the engine sees it: an event it raises keeps this report as the unit's last.
                latest.put(report.target(), report);
                deliver(engine.onReport(report));
                trackCount = latest.size();
                reports.incrementAndGet();
                if (report.time().isAfter(lastReportTime)) {
                    lastReportTime = report.time();
                }
                lastArrival = clock.instant();
            }
            case Task task -> task.work().run();
            default -> throw new IllegalStateException("unexpected item on the watch queue: " + item);
        }
    }

    private void deliver(List<EncounterEvent> happened) {
        for (EncounterEvent event : happened) {
            watch.onEvent(
                    event,
                    Optional.ofNullable(latest.get(event.a().id())).map(Motions::of),
                    Optional.ofNullable(latest.get(event.b().id())).map(Motions::of));
        }
    }

    /** Forgets tracks silent for ten minutes and raises FEED_SILENT for a feed quiet too long. */
    private void housekeeping(Instant now) {
        latest.values().removeIf(r -> r.time().isBefore(now.minus(TRACK_KEPT)));
        watch.closeUnobserved(now);
        // A hint for the consoles' maps to fetch the tracks again; the tracks themselves are asked for by box.
        events.publish(NodeEvents.Topic.TRACKS, "{\"tracks\":" + latest.size() + ",\"reports\":" + reports.get() + "}");
        for (FeedHandle feed : feeds) {
            FeedView view = feed.view();
            Instant last = view.lastMessageAt().orElse(feed.started());
            boolean quiet = Duration.between(last, now).compareTo(feedSilentAfter) > 0;
            if (quiet && silent.add(view.name())) {
                events.alarm(
                        Alarm.Kind.FEED_SILENT,
                        "feed " + view.name() + " has said nothing since " + last + " (more than " + feedSilentAfter
                                + "); check the receiver and the connection");
            } else if (!quiet && silent.remove(view.name())) {
                events.say("feed " + view.name() + " is talking again");
            }
        }
    }

    @Override
    public void close() {
        feeds.forEach(FeedHandle::close);
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A started feed: its statistics, and stop. */
    interface FeedHandle {
        FeedView view();

        Instant started();

        void close();
    }
}
