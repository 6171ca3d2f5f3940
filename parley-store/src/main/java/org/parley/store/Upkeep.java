package org.parley.store;

import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a store does every so often beside its transactions (SQLite's {@link Checkpoints}, a
 * PostgreSQL store's {@link PlannerStatistics}): one round every interval on a daemon thread of its
 * own, until the store closes it. A failed round is logged once per run of failures, with what it
 * means meanwhile, and the next round tries again; the store's transactions never wait for it.
 */
final class Upkeep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Upkeep.class);

    /** One round of the work. */
    @FunctionalInterface
    interface Round {
        void run() throws SQLException;
    }

    private final String what;
    private final String meanwhile;
    private final Duration interval;
    private final Round round;
    private final Thread thread;
    private volatile boolean closed;

    private Upkeep(String thread, Duration interval, String what, String meanwhile, Round round) {
        this.what = what;
        this.meanwhile = meanwhile;
        this.interval = interval;
        this.round = round;
        this.thread = Thread.ofPlatform().daemon().name(thread).unstarted(this::loop);
    }

    /**
     * Starts running {@code round} every {@code interval} on a thread named {@code thread}; {@code
     * what} names the work in the log ("WAL checkpoint"), {@code meanwhile} says what a failure
     * means until a round succeeds again.
     */
    static Upkeep start(String thread, Duration interval, String what, String meanwhile, Round round) {
        Upkeep upkeep = new Upkeep(thread, interval, what, meanwhile, round);
        upkeep.thread.start();
        return upkeep;
    }

    private void loop() {
        boolean failing = false;
        while (!closed) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            try {
                round.run();
                if (failing) {
                    LOG.info("store: {} works again", what);
                    failing = false;
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    LOG.warn("store: {} failed ({}): {}", what, meanwhile, e.toString());
                    failing = true;
                }
            }
        }
    }

    /** Stops the rounds; waits at most 5 s for one in progress to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
