package org.parley.federation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.store.Store;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * Delivery benchmark (issue 8; not a test): two nodes on loopback over mutual TLS 1.3, each with its
 * own durable store, on SQLite and on PostgreSQL.
 *
 * <ul>
 *   <li>FLASH latency: one envelope at a time, from just before sign + enqueue until the sender's
 *       {@link FederationListener#delivered} fires (the peer verified and committed it with its signed
 *       receipt; we verified that receipt and committed it).
 *   <li>Throughput: N envelopes signed and committed to the outbox (group commit, 256 per
 *       transaction) while the sender's delivery loop is not running; then the sender starts and the
 *       clock runs until the last receipt is stored. Meanwhile FLASH envelopes are sent one at a
 *       time, 50 ms apart, and timed like the FLASH latency case: FLASH precedence under load.
 * </ul>
 *
 *
 * <p>Mode {@code flash-under-bulk} (issue 20): N ROUTINE envelopes (default 60,000) are committed to
 * the outbox and delivered while a FLASH is sent every G ms (default 100) without waiting for the
 * previous one; for each FLASH sent while the bulk is still being delivered, the time from just
 * before sign + enqueue until the receiver has stored it (its inbox transaction with the receipt
 * committed, {@link FederationListener#received}) and until the sender has stored the receipt.
 * Before it, 200 FLASH one at a time warm the FLASH path.
 *
 * <p>Run: {@code bench/federation-delivery.sh [warmup] [measured] [throughput-envelopes] [engines]}
 * or {@code bench/federation-delivery.sh flash-under-bulk [envelopes] [gap-ms] [engines]}.
 */
public final class DeliveryBench {
    private static final InstantSource CLOCK = InstantSource.system();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ENQUEUE_GROUP = 256;
    /** Pause between FLASH envelopes sent during the bulk delivery. */
    private static final int FLASH_GAP_MILLIS = 50;
    /** ≈ 300 bytes of text: a typical hotline message, envelope ≈ 800 canonical bytes. */
    private static final String TEXT = "x".repeat(300);

    private final PartyIdentity blue;
    private final PartyIdentity red;
    private final List<String> rows = new ArrayList<>();

    private DeliveryBench(PartyIdentity blue, PartyIdentity red) {
        this.blue = blue;
        this.red = red;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("flash-under-bulk")) {
            flashUnderBulkMain(args);
            return;
        }
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int bulk = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        List<String> engines = List.of((args.length > 3 ? args[3] : "sqlite,postgres").split(","));
        Path root = Files.createTempDirectory("parley-delivery-bench");
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("blue"), Party.of("BLUE"), hosts, Optional.empty(), CLOCK, RANDOM);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red"), Party.of("RED"), hosts, Optional.empty(), CLOCK, RANDOM);
        blue.pinEachOther(red);
        DeliveryBench bench = new DeliveryBench(blue, red);
        for (String engine : engines) {
            bench.latency(engine, root, warmup, measured);
            bench.throughput(engine, root, bulk);
        }
        System.out.println();
        System.out.println("| engine | case | envelopes | per second | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        bench.rows.forEach(System.out::println);
    }

    // --- latency ---------------------------------------------------------------------------

    private void latency(String engine, Path root, int warmup, int measured) throws Exception {
        Map<EnvelopeId, CountDownLatch> waiting = new ConcurrentHashMap<>();
        FederationListener onDelivered = new FederationListener() {
            @Override
            public void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
                CountDownLatch latch = waiting.get(id);
                if (latch != null) {
                    latch.countDown();
                }
            }
        };
        try (Stores stores = Stores.open(engine, root, "latency");
                Pair pair = Pair.start(blue, red, stores, onDelivered)) {
            long[] nanos = new long[measured];
            long start = 0;
            for (int i = -warmup; i < measured; i++) {
                if (i == 0) {
                    start = System.nanoTime();
                }
                long t0 = System.nanoTime();
                Envelope envelope = envelope(Precedence.FLASH, Category.SAFETY, "flash " + i);
                CountDownLatch latch = new CountDownLatch(1);
                waiting.put(envelope.id(), latch);
                stores.blue().enqueue(blue.signer().sign(envelope));
                pair.sender().wake();
                if (!latch.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(engine + ": envelope " + i + " not delivered within 60 s");
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
                waiting.remove(envelope.id());
            }
            row(engine, "FLASH end to end, one at a time", measured, System.nanoTime() - start, nanos);
        }
    }

    // --- throughput ------------------------------------------------------------------------

    private void throughput(String engine, Path root, int count) throws Exception {
        CountDownLatch all = new CountDownLatch(count);
        Map<EnvelopeId, CountDownLatch> flashes = new ConcurrentHashMap<>();
        FederationListener onDelivered = new FederationListener() {
            @Override
            public void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
                CountDownLatch flash = flashes.get(id);
                if (flash != null) {
                    flash.countDown();
                } else {
                    all.countDown();
                }
            }
        };
        try (Stores stores = Stores.open(engine, root, "bulk")) {
            long t0 = System.nanoTime();
            List<SignedEnvelope> signed = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                signed.add(blue.signer().sign(envelope(Precedence.ROUTINE, Category.ROUTINE, "bulk " + i)));
            }
            long t1 = System.nanoTime();
            long[] commits = new long[(count + ENQUEUE_GROUP - 1) / ENQUEUE_GROUP];
            for (int i = 0, g = 0; i < count; i += ENQUEUE_GROUP, g++) {
                long c0 = System.nanoTime();
                stores.blue().enqueueAll(signed.subList(i, Math.min(count, i + ENQUEUE_GROUP)));
                commits[g] = System.nanoTime() - c0;
            }
            long t2 = System.nanoTime();
            row(engine, "sign only", count, t1 - t0, new long[0]);
            row(engine, "outbox commit, " + ENQUEUE_GROUP + " per transaction (latency per commit)", count, t2 - t1,
                    commits);
            row(engine, "sign + outbox commit", count, t2 - t0, new long[0]);
            // The sender's delivery loop starts with a full outbox: nothing is sent before the clock runs.
            long d0 = System.nanoTime();
            // (The FLASH row's "per second" is the FLASH count over the bulk's elapsed time.)
            try (Pair pair = Pair.start(blue, red, stores, onDelivered)) {
                pair.sender().wake();
                // FLASH envelopes one at a time while the bulk is delivered: precedence under load.
                List<Long> flashNanos = new ArrayList<>();
                while (all.getCount() > 0) {
                    long f0 = System.nanoTime();
                    Envelope flash = envelope(Precedence.FLASH, Category.SAFETY, "flash under load");
                    CountDownLatch latch = new CountDownLatch(1);
                    flashes.put(flash.id(), latch);
                    stores.blue().enqueue(blue.signer().sign(flash));
                    pair.sender().wake();
                    if (!latch.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(engine + ": a FLASH was not delivered within 60 s");
                    }
                    if (all.getCount() > 0) {
                        flashNanos.add(System.nanoTime() - f0);
                    }
                    all.await(FLASH_GAP_MILLIS, TimeUnit.MILLISECONDS);
                }
                long elapsed = System.nanoTime() - d0;
                row(engine, "delivery, batches of 256 per POST (until last receipt stored)", count, elapsed,
                        new long[0]);
                row(engine, "FLASH end to end during that delivery, one every " + FLASH_GAP_MILLIS + " ms",
                        flashNanos.size(), elapsed, flashNanos.stream().mapToLong(Long::longValue).toArray());
            }
        }
    }

    // --- FLASH under a saturating bulk transfer (issue 20) ----------------------------------

    private static void flashUnderBulkMain(String[] args) throws Exception {
        int bulk = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        int gapMillis = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        List<String> engines = List.of((args.length > 3 ? args[3] : "sqlite,postgres").split(","));
        Path root = Files.createTempDirectory("parley-delivery-bench");
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("blue"), Party.of("BLUE"), hosts, Optional.empty(), CLOCK, RANDOM);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red"), Party.of("RED"), hosts, Optional.empty(), CLOCK, RANDOM);
        blue.pinEachOther(red);
        DeliveryBench bench = new DeliveryBench(blue, red);
        for (String engine : engines) {
            bench.latency(engine, root, 200, 200);
            bench.flashUnderBulk(engine, root, bulk, gapMillis);
        }
        System.out.println();
        System.out.println("| engine | case | envelopes | per second | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        bench.rows.forEach(System.out::println);
    }

    /** When each FLASH was sent, stored at the receiver and receipted at the sender (nanoTime). */
    private static final class FlashTimes {
        final Map<EnvelopeId, Long> sent = new ConcurrentHashMap<>();
        final Map<EnvelopeId, Long> stored = new ConcurrentHashMap<>();
        final Map<EnvelopeId, Long> receipted = new ConcurrentHashMap<>();

        long[] latencies(Map<EnvelopeId, Long> arrived) {
            return sent.entrySet().stream()
                    .mapToLong(e -> arrived.containsKey(e.getKey())
                            ? arrived.get(e.getKey()) - e.getValue()
                            : Long.MAX_VALUE / 4) // never arrived: shows as the maximum
                    .toArray();
        }
    }

    private void flashUnderBulk(String engine, Path root, int count, int gapMillis) throws Exception {
        CountDownLatch all = new CountDownLatch(count);
        FlashTimes flash = new FlashTimes();
        FederationListener sender = new FederationListener() {
            @Override
            public void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
                if (flash.sent.containsKey(id)) {
                    flash.receipted.put(id, System.nanoTime());
                } else {
                    all.countDown();
                }
            }
        };
        FederationListener receiver = new FederationListener() {
            @Override
            public void received(VerifiedEnvelope envelope) {
                if (envelope.envelope().precedence() == Precedence.FLASH) {
                    flash.stored.put(envelope.envelope().id(), System.nanoTime());
                }
            }
        };
        try (Stores stores = Stores.open(engine, root, "flashbulk")) {
            for (int i = 0; i < count; i += ENQUEUE_GROUP) {
                List<SignedEnvelope> group = new ArrayList<>(ENQUEUE_GROUP);
                for (int j = i; j < Math.min(count, i + ENQUEUE_GROUP); j++) {
                    group.add(blue.signer().sign(envelope(Precedence.ROUTINE, Category.ROUTINE, "bulk " + j)));
                }
                stores.blue().enqueueAll(group);
            }
            long d0 = System.nanoTime();
            try (Pair pair = Pair.start(blue, red, stores, sender, receiver)) {
                pair.sender().wake();
                while (all.getCount() > 0) {
                    long t0 = System.nanoTime();
                    Envelope e = envelope(Precedence.FLASH, Category.SAFETY, "flash under bulk");
                    flash.sent.put(e.id(), t0);
                    // As the node's MessageService does: a FLASH goes to the outbox on the safety lane.
                    stores.blue().safetyLane().enqueue(blue.signer().sign(e));
                    pair.sender().wake();
                    all.await(gapMillis, TimeUnit.MILLISECONDS);
                }
                long elapsed = System.nanoTime() - d0;
                Thread.sleep(2000); // the last FLASH sent while the bulk ran: let it land
                row(engine, "bulk delivery under FLASH (until last receipt stored)", count, elapsed, new long[0]);
                row(engine, "FLASH stored at the peer, one every " + gapMillis + " ms during the bulk",
                        flash.sent.size(), elapsed, flash.latencies(flash.stored));
                row(engine, "FLASH receipt stored at the sender, same FLASH",
                        flash.sent.size(), elapsed, flash.latencies(flash.receipted));
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private Envelope envelope(Precedence precedence, Category category, String label) {
        return Envelope.builder(CLOCK, RANDOM)
                .from(blue.party())
                .to(red.party())
                .precedence(precedence)
                .category(category)
                .payload(new Payload.Text(label + " " + TEXT))
                .signer(blue.signer().keyId())
                .build();
    }

    private void row(String engine, String label, int envelopes, long elapsedNanos, long[] latencies) {
        Arrays.sort(latencies);
        String row = String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %,.0f | %s | %s | %s | %s |",
                engine,
                label,
                envelopes,
                envelopes / (elapsedNanos / 1e9),
                quantile(latencies, 0.50),
                quantile(latencies, 0.90),
                quantile(latencies, 0.99),
                quantile(latencies, 1.0));
        System.out.println(row);
        rows.add(row);
    }

    /** Nearest-rank quantile in milliseconds. */
    private static String quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "";
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return String.format(Locale.ROOT, "%.2f", sorted[Math.max(0, rank - 1)] / 1e6);
    }

    /** The two nodes' stores: SQLite files, or fresh PostgreSQL schemas dropped afterwards. */
    private record Stores(Store blue, Store red, List<String> schemas) implements AutoCloseable {
        static Stores open(String engine, Path root, String label) throws IOException {
            return switch (engine) {
                case "sqlite" -> {
                    Path dir = Files.createTempDirectory(root, label);
                    yield new Stores(
                            Store.sqlite(dir.resolve("blue.db"), CLOCK),
                            Store.sqlite(dir.resolve("red.db"), CLOCK),
                            List.of());
                }
                case "postgres" -> {
                    String base = "bench_" + label + "_" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
                    yield new Stores(
                            Store.postgres(pgUrl(), pgUser(), pgPassword(), base + "_blue", CLOCK),
                            Store.postgres(pgUrl(), pgUser(), pgPassword(), base + "_red", CLOCK),
                            List.of(base + "_blue", base + "_red"));
                }
                default -> throw new IllegalArgumentException("engine must be sqlite or postgres: " + engine);
            };
        }

        @Override
        public void close() throws SQLException {
            blue.close();
            red.close();
            if (schemas.isEmpty()) {
                return;
            }
            try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
                    Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    /** BLUE sends, RED receives; both federations run (each sends its start-up link test). */
    private record Pair(Federation sender, Federation receiver) implements AutoCloseable {
        static Pair start(PartyIdentity blue, PartyIdentity red, Stores stores, FederationListener senderListener)
                throws IOException {
            return start(blue, red, stores, senderListener, new FederationListener() {});
        }

        static Pair start(
                PartyIdentity blue,
                PartyIdentity red,
                Stores stores,
                FederationListener senderListener,
                FederationListener receiverListener)
                throws IOException {
            int bluePort = freePort();
            int redPort = freePort();
            Federation receiver = Federation.start(
                    config(redPort, bluePort), red, DeliveryStore.on(stores.red()), CLOCK, RANDOM,
                    receiverListener);
            Federation sender = Federation.start(
                    config(bluePort, redPort), blue, DeliveryStore.on(stores.blue()), CLOCK, RANDOM, senderListener);
            return new Pair(sender, receiver);
        }

        @Override
        public void close() {
            sender.close();
            receiver.close();
        }
    }

    private static FederationConfig config(int listenPort, int peerPort) {
        return FederationConfig.defaults(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort),
                List.of(URI.create("https://127.0.0.1:" + peerPort)))
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String pgUrl() {
        return env("PARLEY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/parley");
    }

    private static String pgUser() {
        return env("PARLEY_PG_USER", "parley");
    }

    private static String pgPassword() {
        return env("PARLEY_PG_PASSWORD", "parley");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
