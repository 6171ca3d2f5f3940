package org.parley.node;

import java.time.Duration;

/** Stops the node's background loops (StoreProbe, AckTicker, RecordWatch), each on a thread of its own. */
final class LoopThreads {
    /** How long closing waits for a loop to end; a loop stuck longer is left behind, not waited for. */
    private static final Duration JOIN_BOUND = Duration.ofSeconds(5);

    private LoopThreads() {}

    /**
     * Interrupts {@code loop} and waits up to {@link #JOIN_BOUND} for it to end. If the closing thread
     * is interrupted meanwhile it stops waiting and keeps its interrupt status.
     */
    static void stop(Thread loop) {
        loop.interrupt();
        try {
            loop.join(JOIN_BOUND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
