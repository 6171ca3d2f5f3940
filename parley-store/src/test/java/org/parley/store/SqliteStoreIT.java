package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

class SqliteStoreIT extends StoreContract {
    private Path dir;

    @Override
    Store newStore(TestClock clock) {
        try {
            dir = Files.createTempDirectory("parley-sqlite-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Store.sqlite(dir.resolve("parley.db"), clock);
    }

    @Override
    Store reopen(TestClock clock) {
        return Store.sqlite(dir.resolve("parley.db"), clock);
    }

    @Test
    void open_sqliteFile_usesWalAndSynchronousFull() {
        String journal = ((JdbcStore) store)
                .inTransaction(
                        "pragma",
                        c -> Sql.queryOne(c, r -> r.getString(1), "PRAGMA journal_mode")
                                .orElseThrow());
        int synchronous = ((JdbcStore) store)
                .inTransaction(
                        "pragma",
                        c -> Sql.queryOne(c, r -> r.getInt(1), "PRAGMA synchronous")
                                .orElseThrow());

        assertThat(journal).isEqualToIgnoringCase("wal");
        assertThat(synchronous).isEqualTo(2); // SQLite: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
        assertThat(store.engine()).isEqualTo("SQLITE");
    }

    /**
     * Issue 20: the due query and the duplicate check read on a reader connection, so a FLASH's
     * reads do not wait for the transaction that holds SQLite's only writer.
     */
    @Test
    void due_whileAnotherTransactionHoldsTheWriter_answersWithoutWaiting() throws Exception {
        SignedEnvelope flash = keys.blueMessage(clock, Precedence.FLASH, "flash");
        store.enqueue(flash);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Threads of its own: the common pool has one thread on two cores, which the writer would take.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<Boolean> writer = threads.submit(() -> ((JdbcStore) store).inTransaction("hold the writer", c -> {
            Sql.update(c, "UPDATE outbox SET attempts = attempts + 1");
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            List<OutboxEntry> due =
                    threads.submit(() -> store.safetyLane().dueFlash(10)).get(5, TimeUnit.SECONDS);

            assertThat(due).extracting(OutboxEntry::signed).containsExactly(flash);
            assertThat(due.get(0).attempts()).isZero(); // the last commit, not the open transaction
        } finally {
            release.countDown();
            assertThat(writer.get(30, TimeUnit.SECONDS)).isTrue();
            threads.close();
        }
    }

    /**
     * Issue 20: no checkpoint inside a commit (automatic checkpoints are off on the writer), and the
     * background checkpoints move committed pages into the database file.
     */
    @Test
    void commit_manyEnvelopes_checkpointedBesideTheWriter() throws Exception {
        int auto = ((JdbcStore) store)
                .inTransaction(
                        "pragma",
                        c -> Sql.queryOne(c, r -> r.getInt(1), "PRAGMA wal_autocheckpoint")
                                .orElseThrow());
        Path file = dir.resolve("parley.db");
        long before = Files.size(file);
        List<SignedEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(keys.blueMessage(clock, Precedence.ROUTINE, "bulk " + i + " " + "x".repeat(500)));
        }
        store.enqueueAll(batch);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.size(file) <= before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(auto).isZero();
        assertThat(Files.size(file)).isGreaterThan(before);
        assertThat(store.due(1000)).hasSize(300);
    }
}
