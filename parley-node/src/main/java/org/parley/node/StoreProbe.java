package org.parley.node;

import java.time.Duration;
import org.parley.node.messages.MessageService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the store for one round trip every second (issue 20), so a store that cannot be reached is
 * alarmed (STORE_UNREACHABLE) whether or not anyone sends, and the alarm is cleared
 * (STORE_REACHABLE) as soon as it answers. On its own thread: while the store is unreachable each
 * round trip waits out the pool's connection wait (3 s on PostgreSQL), which must hold up neither the
 * acknowledgment watch nor the operators. The STORE_UNREACHABLE alarm is thus raised at most 1 s +
 * 3 s after the store stops answering.
 */
final class StoreProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreProbe.class);
    static final Duration PERIOD = Duration.ofSeconds(1);

    private final Thread thread;

    private StoreProbe(Thread thread) {
        this.thread = thread;
    }

    static StoreProbe start(MessageService messages) {
        return new StoreProbe(Thread.ofVirtual().name("store-probe").start(() -> loop(messages)));
    }

    private static void loop(MessageService messages) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                messages.probeStore();
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // closing: a round trip cut short by the interrupt is not an error
                }
                LOG.warn("store probe failed; it goes on: {}", e.toString());
                try {
                    Thread.sleep(PERIOD);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void close() {
        LoopThreads.stop(thread);
    }
}
