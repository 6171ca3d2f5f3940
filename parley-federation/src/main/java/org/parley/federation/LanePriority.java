package org.parley.federation;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The two lanes' thread priorities (issue 20): when a bulk transfer keeps every core busy, the
 * threads that carry a FLASH must get a core first. Priority alone decides that; a FLASH already
 * has its own loop, connections and store turn.
 *
 * <p>The JVM maps Java priorities to Linux nice values only with {@code -XX:ThreadPriorityPolicy=1}
 * (the {@code parley} launcher sets it): {@link #BULK} becomes nice 4, which any process may take,
 * and {@link #SAFETY} nice -5, which needs root or {@code CAP_SYS_NICE} and is otherwise left at
 * 0 without an error. Without that option both are ignored and the lanes share the cores evenly,
 * as before. A thread's priority is also inherited by the threads it starts, which is how the HTTP
 * clients' selector threads get theirs ({@link #startedAt}).
 */
final class LanePriority {
    /** The safety lane: the FLASH delivery loop, its HTTP client, the handling of a FLASH batch. */
    static final int SAFETY = Thread.MAX_PRIORITY;

    /** The bulk lane: the other delivery loops, their HTTP client, signature work, bulk batches in. */
    static final int BULK = Thread.MIN_PRIORITY;

    private LanePriority() {}

    /** Daemon platform threads named {@code prefix} + a number, at {@code priority}. */
    @SuppressWarnings("ThreadPriorityCheck") // the lanes' priorities are the point (issue 20, LanePriority)
    static ThreadFactory threads(String prefix, int priority) {
        ThreadFactory platform = Thread.ofPlatform().daemon().name(prefix, 0).factory();
        return task -> {
            Thread thread = platform.newThread(task);
            thread.setPriority(priority);
            return thread;
        };
    }

    /**
     * {@code make} run on a new thread of {@code priority}, so that the threads it starts (such as
     * an {@code HttpClient}'s selector thread, started when the client is built) inherit it.
     */
    static <T> T startedAt(int priority, Supplier<T> make) {
        AtomicReference<T> made = new AtomicReference<>();
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread maker = threads("federation-start-", priority).newThread(() -> {
            try {
                made.set(make.get());
            } catch (RuntimeException e) {
                failed.set(e);
            }
        });
        maker.start();
        try {
            maker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a lane's threads", e);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        return java.util.Objects.requireNonNull(made.get(), "nothing made");
    }
}
