package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.wire.EnvelopeId;

/**
 * Kills a writer subprocess with SIGKILL at random points while it receives envelopes, then checks
 * that every inbox row is whole (bytes verify, hash matches, receipt present) and that every commit
 * the writer reported survived. Iterations per engine: {@code -Dparley.crash.iterations} (default 5;
 * the 200 is a manual run, see docs/benchmarks.md).
 */
class CrashIT {
    private static final int ITERATIONS = Integer.getInteger("parley.crash.iterations", 5);
    private static final String PG_SCHEMA = PostgresStoreIT.freshSchema("it_crash");

    @TempDir
    static Path dir;

    @BeforeAll
    static void keys() {
        Keys.create(dir.resolve("keys"));
    }

    @AfterAll
    static void dropSchema() {
        PostgresStoreIT.dropSchema(PG_SCHEMA);
    }

    @Test
    void killDuringReceive_sqlite_leavesWholeEnvelopesOrNothing() throws Exception {
        crashLoop("sqlite", dir.resolve("crash.db").toString());
    }

    @Test
    void killDuringReceive_postgres_leavesWholeEnvelopesOrNothing() throws Exception {
        crashLoop("postgres", PG_SCHEMA);
    }

    private static void crashLoop(String engine, String location) throws Exception {
        Keys keys = Keys.load(dir.resolve("keys"));
        long previousRows = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Set<String> committed = runAndKill(engine, location, i);
            try (Store store = CrashWriter.open(engine, location, InstantSource.system())) {
                long rows = previousRows + checkWhole(store, keys, previousRows);
                long total = ((JdbcStore) store)
                        .inTransaction(
                                "count",
                                c -> Sql.queryOne(c, r -> r.getLong(1), "SELECT COUNT(*) FROM inbox")
                                        .orElseThrow());
                long receipts = ((JdbcStore) store)
                        .inTransaction(
                                "count",
                                c -> Sql.queryOne(c, r -> r.getLong(1), "SELECT COUNT(*) FROM receipts")
                                        .orElseThrow());
                assertThat(total).as("inbox rows after kill #%d", i).isEqualTo(rows);
                assertThat(receipts).as("receipts after kill #%d", i).isEqualTo(rows);
                for (String id : committed) {
                    assertThat(store.inboxEntry(Keys.BLUE, EnvelopeId.parse(id)))
                            .as("commit reported before kill #%d must survive: %s", i, id)
                            .isPresent();
                }
                assertThat(rows).isGreaterThanOrEqualTo(previousRows + committed.size());
                previousRows = rows;
            }
        }
        assertThat(previousRows)
                .as("the writer committed something across %d kills", ITERATIONS)
                .isPositive();
    }

    /**
     * Every inbox row after the first {@code checked} (rows are listed in receive order, and earlier
     * ones were checked after earlier kills) verifies, its hash is its frame's, and our receipt for it
     * is stored. Returns the number of rows checked.
     */
    private static long checkWhole(Store store, Keys keys, long checked) {
        long rows = 0;
        for (int offset = Math.toIntExact(checked); ; offset += 500) {
            List<InboxEntry> page = store.inbox(offset, 500);
            for (InboxEntry entry : page) {
                assertThat(keys.redVerifier.verify(entry.signed()).envelope().id())
                        .isEqualTo(entry.id());
                assertThat(entry.sha256Hex()).isEqualTo(entry.signed().sha256Hex());
                assertThat(store.receipt(Direction.SENT, entry.from(), entry.id()))
                        .as("receipt for %s", entry.id())
                        .isPresent();
            }
            rows += page.size();
            if (page.size() < 500) {
                return rows;
            }
        }
    }

    private static Set<String> runAndKill(String engine, String location, int iteration) throws Exception {
        Path log = dir.resolve("writer-" + engine + "-" + iteration + ".log");
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        engine,
                        location,
                        dir.resolve("keys").toString())
                .redirectError(log.toFile())
                .start();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("COMMITTED ")) {
                        committed.add(line.substring("COMMITTED ".length()));
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the writer is killed
            }
        });
        boolean started = ready.await(60, TimeUnit.SECONDS);
        assertThat(started)
                .as("writer did not start: %s", Files.exists(log) ? Files.readString(log) : "")
                .isTrue();
        // A random point in the write loop: envelopes take a few milliseconds each.
        Thread.sleep(Keys.RANDOM.nextInt(50, 600));
        writer.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no rollback by the JVM
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        return Set.copyOf(committed);
    }
}
