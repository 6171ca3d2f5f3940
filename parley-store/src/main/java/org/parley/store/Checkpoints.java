package org.parley.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

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
final class Checkpoints {
    /** Between checkpoints: the WAL holds at most about this much of the writes. */
    static final Duration INTERVAL = Duration.ofMillis(200);

    private Checkpoints() {}

    /** Starts checkpointing the database {@code readers} read. */
    static Upkeep start(HikariDataSource readers) {
        return Upkeep.start(
                "parley-store-checkpoint",
                INTERVAL,
                "WAL checkpoint",
                // Nothing is lost: the WAL keeps every commit meanwhile.
                "the WAL file grows until one succeeds",
                () -> {
                    try (Connection connection = readers.getConnection();
                            Statement statement = connection.createStatement()) {
                        statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    }
                });
    }
}
