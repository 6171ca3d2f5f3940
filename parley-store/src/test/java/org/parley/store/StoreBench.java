package org.parley.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.parley.ledger.MerkleHash;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * Durable insert benchmark (not a test): outbox inserts of pre-signed envelopes on SQLite and
 * PostgreSQL, one envelope per transaction and in groups (one commit for many), plus the inbox path
 * (insert + signed receipt in one transaction). Prints one Markdown table row per case.
 *
 * <p>Run: {@code bench/hotline-core.sh}. Arguments: envelopes per case (default 2000).
 */
public final class StoreBench {
    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Keys keys = Keys.create(Files.createTempDirectory("parley-bench-keys"));
        InstantSource clock = InstantSource.system();
        System.out.println("| engine | case | envelopes | inserts/s | commit p50 ms | commit p99 ms |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (String engine : List.of("sqlite", "postgres")) {
            for (int batch : List.of(1, 32)) {
                try (Store store = open(engine)) {
                    run(engine, "outbox, " + batch + " per commit", store, batch, 1, sign(keys, clock, count));
                }
            }
            if (engine.equals("postgres")) {
                try (Store store = open(engine)) {
                    run(engine, "outbox, 1 per commit, 8 writers", store, 1, 8, sign(keys, clock, count));
                }
            }
            try (Store store = open(engine)) {
                inbox(engine, store, keys, clock, sign(keys, clock, count / 2));
            }
            for (int batch : List.of(1, 100)) {
                try (Store store = open(engine)) {
                    leaves(engine, store, batch, count);
                }
            }
        }
    }

    /** Durable ledger appends (issue 10): leaf hashes through JdbcLeafStore, one commit per group. */
    private static void leaves(String engine, Store store, int batch, int count) {
        var leaves = store.leafStore();
        long[] latencies = new long[(count + batch - 1) / batch];
        long start = System.nanoTime();
        for (int first = 0, g = 0; first < count; first += batch, g++) {
            List<MerkleHash> group = new ArrayList<>(batch);
            for (int i = first; i < Math.min(count, first + batch); i++) {
                group.add(MerkleHash.ofLeafData(("ledger entry " + i).getBytes(StandardCharsets.UTF_8)));
            }
            long t0 = System.nanoTime();
            leaves.appendAll(first, group);
            latencies[g] = System.nanoTime() - t0;
        }
        report(engine, "ledger leaves, " + batch + " per commit", count, System.nanoTime() - start, latencies);
    }

    private static Store open(String engine) throws Exception {
        String location = engine.equals("sqlite")
                ? Files.createTempDirectory("parley-bench").resolve("bench.db").toString()
                : PostgresStoreIT.freshSchema("bench");
        return CrashWriter.open(engine, location, InstantSource.system());
    }

    private static List<SignedEnvelope> sign(Keys keys, InstantSource clock, int count) {
        List<SignedEnvelope> envelopes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            envelopes.add(
                    keys.blueMessage(clock, Precedence.IMMEDIATE, "benchmark envelope " + i + " " + "y".repeat(400)));
        }
        return envelopes;
    }

    private static void run(String engine, String label, Store store, int batch, int writers, List<SignedEnvelope> all)
            throws Exception {
        List<List<SignedEnvelope>> groups = new ArrayList<>();
        for (int i = 0; i < all.size(); i += batch) {
            groups.add(all.subList(i, Math.min(all.size(), i + batch)));
        }
        long[] latencies = new long[groups.size()];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int g = writer; g < groups.size(); g += writers) {
                        long t0 = System.nanoTime();
                        store.enqueueAll(groups.get(g));
                        latencies[g] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        report(engine, label, all.size(), System.nanoTime() - start, latencies);
    }

    private static void inbox(String engine, Store store, Keys keys, InstantSource clock, List<SignedEnvelope> all) {
        var verified = all.stream().map(keys::receivedByRed).toList();
        long[] latencies = new long[verified.size()];
        long start = System.nanoTime();
        for (int i = 0; i < verified.size(); i++) {
            long t0 = System.nanoTime();
            store.receive(verified.get(i), stored -> keys.redReceipt(clock, stored));
            latencies[i] = System.nanoTime() - t0;
        }
        report(engine, "inbox + signed receipt, 1 per commit", verified.size(), System.nanoTime() - start, latencies);
    }

    private static void report(String engine, String label, int envelopes, long elapsedNanos, long[] latencies) {
        Arrays.sort(latencies);
        double perSecond = envelopes / (elapsedNanos / 1e9);
        System.out.println(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.0f | %.2f | %.2f |",
                engine,
                label,
                envelopes,
                perSecond,
                latencies[latencies.length / 2] / 1e6,
                latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] / 1e6));
    }
}
