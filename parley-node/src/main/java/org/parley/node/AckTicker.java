package org.parley.node;

import java.time.Duration;
import org.parley.node.messages.MessageService;
import org.parley.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the acknowledgment watch (re-alerts and escalations), the FLASH_OVERDUE reminders and the
 * throttled alarms' summaries: all are checked five times a second.
 */
final class AckTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AckTicker.class);
    private static final Duration PERIOD = Duration.ofMillis(200);

    private final Thread thread;

    private AckTicker(Thread thread) {
        this.thread = thread;
    }

    static AckTicker start(MessageService messages, FlashOverdueAlarms overdue, AlarmThrottle throttle) {
        return new AckTicker(Thread.ofVirtual().name("ack-watch").start(() -> loop(messages, overdue, throttle)));
    }

    private static void loop(MessageService messages, FlashOverdueAlarms overdue, AlarmThrottle throttle) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                messages.tick();
                overdue.tick();
                throttle.tick();
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (StoreException e) {
                if (e.storeUnreachable()) {
                    // STORE_UNREACHABLE says so (StoreProbe); one line, not a stack trace every 3 s.
                    LOG.warn("acknowledgment watch waits for the store: {}", e.getMessage());
                } else {
                    LOG.error("acknowledgment watch failed; continuing", e);
                }
            } catch (RuntimeException e) {
                LOG.error("acknowledgment watch failed; continuing", e);
            }
        }
    }

    @Override
    public void close() {
        LoopThreads.stop(thread);
    }
}
