package org.parley.node.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parley.encounter.EncounterEvent;
import org.parley.kafka.IncidentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch feed of kind {@code kafka} (issue 21, docs/scale-out.md): reads the Flink job's incident
 * events (read_committed) and hands each to {@link EncounterWatch#onClusterEvent}, which stores it
 * before anything else; the consumer's offsets are committed only after the whole batch is stored.
 * A stop between the two reads those events again at the next start, and the watch finds them
 * stored (exactly once from the node's view). If storing fails, the consumer is closed and the
 * topic is read again from the last committed offset after a pause (1 s doubling to 30 s).
 *
 * <p>As a feed for /metrics and FEED_SILENT: {@code messages} counts events, {@code connected} means
 * the broker has given the group its partitions, and the feed "talks" at every poll while it is
 * connected, so FEED_SILENT says the cluster is out of reach, not that the sea is quiet.
 */
final class ClusterFeedReader implements WatchLoop.FeedHandle {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFeedReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final WatchConfig.ClusterFeed spec;
    private final EncounterWatch watch;
    private final InstantSource clock;
    private final Instant started;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile long messages;
    private volatile long unreadable;
    private volatile @Nullable Instant lastHeard;

    private ClusterFeedReader(WatchConfig.ClusterFeed spec, EncounterWatch watch, InstantSource clock) {
        this.spec = spec;
        this.watch = watch;
        this.clock = clock;
        this.started = clock.instant();
        this.thread =
                Thread.ofPlatform().name("watch-feed-" + spec.name()).daemon().unstarted(this::run);
    }

    static ClusterFeedReader start(WatchConfig.ClusterFeed spec, EncounterWatch watch, InstantSource clock) {
        ClusterFeedReader reader = new ClusterFeedReader(spec, watch, clock);
        reader.thread.start();
        return reader;
    }

    private void run() {
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            long before = messages;
            try (IncidentConsumer consumer =
                    IncidentConsumer.subscribe(spec.bootstrapServers(), spec.topic(), spec.group())) {
                readUntilStopped(consumer);
            } catch (RuntimeException e) {
                connected = false;
                if (!running) {
                    return;
                }
                if (messages > before) {
                    pause = Duration.ofSeconds(1);
                }
                LOG.warn(
                        "watch feed {} (kafka {} topic {}): {}; reading again from the last committed event in {}",
                        spec.name(),
                        spec.bootstrapServers(),
                        spec.topic(),
                        e.toString(),
                        pause);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Poll, store every event, commit; returns when the reader is closed, throws when storing fails. */
    private void readUntilStopped(IncidentConsumer consumer) {
        long messagesBefore = messages;
        long unreadableBefore = unreadable;
        while (running) {
            List<EncounterEvent> batch = consumer.poll(POLL);
            for (EncounterEvent event : batch) {
                watch.onClusterEvent(event);
            }
            if (!batch.isEmpty() || unreadableBefore + consumer.unreadable() > unreadable) {
                consumer.commit();
            }
            messages = messagesBefore + consumer.read();
            unreadable = unreadableBefore + consumer.unreadable();
            connected = consumer.assigned();
            if (connected) {
                lastHeard = clock.instant();
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public FeedView view() {
        return new FeedView(
                spec.name(),
                "kafka",
                connected,
                messages,
                0,
                unreadable == 0 ? Map.of() : Map.of("not_an_incident_event", unreadable),
                Optional.ofNullable(lastHeard));
    }

    @Override
    public Instant started() {
        return started;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
