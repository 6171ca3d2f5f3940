package org.parley.track.feed;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.parley.track.PositionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed's counters and its way out to the sink. Written by the feed's one thread, read by {@link
 * #stats} from any thread: every field is atomic or volatile, so a snapshot never tears a counter.
 */
final class FeedOutput {
    private static final Logger LOG = LoggerFactory.getLogger(FeedOutput.class);

    private final FeedSpec spec;
    private final Consumer<PositionReport> sink;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong positions = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final Map<String, LongAdder> rejects = new ConcurrentHashMap<>();
    private volatile @Nullable Instant lastMessageAt;
    private volatile boolean connected;
    private volatile boolean finished;
    private boolean sinkFailureLogged;

    FeedOutput(FeedSpec spec, Consumer<PositionReport> sink) {
        this.spec = spec;
        this.sink = sink;
    }

    /** One line or frame arrived at {@code at}. */
    void message(Instant at) {
        messages.incrementAndGet();
        lastMessageAt = at;
    }

    /** Bad input, by reason; the reasons are a small fixed set (they become metric labels). */
    void reject(String reason) {
        rejects.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Hands a report to the sink; a sink that throws is counted and logged once, and the feed goes on. */
    void emit(PositionReport report) {
        positions.incrementAndGet();
        try {
            sink.accept(report);
        } catch (RuntimeException e) {
            reject("SINK_FAILED");
            if (!sinkFailureLogged) {
                sinkFailureLogged = true;
                LOG.error(
                        "feed {}: the position sink threw; the report is dropped and the feed goes on", spec.name(), e);
            }
        }
    }

    void connected() {
        connects.incrementAndGet();
        connected = true;
    }

    void disconnected() {
        if (connected) {
            disconnects.incrementAndGet();
        }
        connected = false;
    }

    void finished() {
        connected = false;
        finished = true;
    }

    long messages() {
        return messages.get();
    }

    long positions() {
        return positions.get();
    }

    FeedStats stats() {
        Map<String, Long> byReason = new HashMap<>();
        rejects.forEach((reason, count) -> byReason.put(reason, count.sum()));
        return new FeedStats(
                spec.name(),
                spec.kind(),
                spec.source().toString(),
                messages.get(),
                positions.get(),
                byReason,
                Optional.ofNullable(lastMessageAt),
                connected,
                connects.get(),
                disconnects.get(),
                finished);
    }
}
