package org.parley.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WAL checkpoints of a SQLite store, off the writer's path (issue 20). By default SQLite runs a
 * checkpoint inside the commit that takes the WAL past 1,000 pages: that commit then copies the
 * pages into the database file and fsyncs it too, tens of milliseconds during a bulk transfer, and
 * on the single writer every FLASH behind it waits as long (sqlite.org/wal.html, "Automatic
 * Checkpoint"). The writer's connection has automatic checkpoints off ({@link Engine}); this thread
 * runs a PASSIVE checkpoint from a reader connection every {@link #INTERVAL}, which copies what the
 * readers allow without taking the writer's lock, so writers go on appending meanwhile
 * (sqlite.org/c3ref/wal_checkpoint_v2.html). Durability does not change: a commit is durable
 * when its WAL frames are synced (synchronous=FULL), and a checkpoint only moves committed pages.
 */
final class Checkpoints implements Upkeep {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    /** Between checkpoints: the WAL holds at most about this much of the writes. */
    static final Duration INTERVAL = Duration.ofMillis(200);

    private final HikariDataSource readers;
    private final Thread thread;
    private volatile boolean closed;

    private Checkpoints(HikariDataSource readers) {
        this.readers = readers;
        this.thread =
                Thread.ofPlatform().daemon().name("parley-store-checkpoint").unstarted(this::loop);
    }

    /** Starts checkpointing the database {@code readers} read. */
    static Checkpoints start(HikariDataSource readers) {
        Checkpoints checkpoints = new Checkpoints(readers);
        checkpoints.thread.start();
        return checkpoints;
    }

    private void loop() {
        boolean failing = false;
        while (!closed) {
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
            try (Connection connection = readers.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                if (failing) {
                    LOG.info("store: WAL checkpoints work again");
                    failing = false;
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    // Once per run of failures: the WAL keeps every commit meanwhile, nothing is lost.
                    LOG.warn("store: WAL checkpoint failed (the WAL file grows until one succeeds): {}", e.toString());
                    failing = true;
                }
            }
        }
    }

    /** Stops checkpointing; SQLite checkpoints once more when the last connection closes. */
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
