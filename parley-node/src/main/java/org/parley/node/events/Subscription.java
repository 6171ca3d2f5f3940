package org.parley.node.events;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One reader of the node's event stream (an SSE client), with a bounded queue of its own. The
 * publisher only ever offers: when the queue is full the reader is too slow, so it is dropped (its
 * queue is closed and {@link #next} says so) rather than letting one stuck browser hold up the node
 * or grow its memory. A dropped reader reconnects and reloads what it shows.
 */
public final class Subscription implements AutoCloseable {
    /** Put in the queue by {@link #close} so that a reader waiting in {@link #next} wakes at once. */
    private static final NodeEvents.Published END = new NodeEvents.Published(0, NodeEvents.Topic.ALARM, "{}");

    private final BlockingQueue<NodeEvents.Published> queue;
    private final int capacity;
    private final Consumer<Subscription> onClose;
    private volatile boolean open = true;
    private volatile boolean dropped;

    Subscription(int capacity, Consumer<Subscription> onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.capacity = capacity;
        this.onClose = onClose;
    }

    /** Called by the publisher: never blocks; a full queue drops this reader. */
    void offer(NodeEvents.Published event) {
        // The one extra slot is kept for END.
        if (open && (queue.size() >= capacity || !queue.offer(event))) {
            dropped = true;
            close();
        }
    }

    /**
     * The next event, waiting at most {@code wait}; empty when none came in time (send a heartbeat)
     * . Throws {@link Dropped} once the reader was dropped or closed and its queue is drained.
     */
    // END is one instance, compared by identity on purpose: no published event equals it by reference.
    @SuppressWarnings("ReferenceEquality")
    public Optional<NodeEvents.Published> next(Duration wait) throws InterruptedException {
        NodeEvents.@Nullable Published event = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == END || (event == null && !open)) {
            throw new Dropped(dropped ? "the reader fell behind by more than its queue and was dropped" : "closed");
        }
        return Optional.ofNullable(event);
    }

    /** Whether the publisher dropped this reader for falling behind. */
    public boolean dropped() {
        return dropped;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            queue.clear();
            queue.offer(END);
            onClose.accept(this);
        }
    }

    /** The subscription ended: the reader fell behind and was dropped, or it was closed. */
    public static final class Dropped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Dropped(String message) {
            super(message);
        }
    }
}
