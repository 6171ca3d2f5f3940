package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.federation.TwoParties.freePort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/** Two federations on loopback over real mutual TLS 1.3. */
class FederationIT {
    private static final SecureRandom RANDOM = TwoParties.RANDOM;
    private static final InstantSource CLOCK = TwoParties.CLOCK;
    private static PartyIdentity blue;
    private static PartyIdentity red;
    private static PartyIdentity impostor;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void keys() throws IOException {
        TwoParties parties = TwoParties.create("parley-federation-it");
        Path root = parties.root;
        blue = parties.blue;
        red = parties.red;
        // A second "BLUE" with its own CA: the right name, but not the pinned CA.
        impostor = PartyIdentity.init(
                root.resolve("fake"), Party.of("BLUE"), TwoParties.HOSTS, Optional.empty(), CLOCK, RANDOM);
        impostor.trustPeerCa(Files.readAllBytes(red.directory().resolve("ca.crt")));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private static FederationConfig config(int listenPort, int... peerPorts) {
        return TwoParties.config(listenPort, Duration.ofSeconds(2), peerPorts);
    }

    private Federation start(FederationConfig config, PartyIdentity who, DeliveryStore store, FederationListener l) {
        Federation federation = Federation.start(config, who, store, CLOCK, RANDOM, l);
        open.add(federation);
        return federation;
    }

    /** A bare sending side, to post hand-made frames straight to RED. */
    private static Outbound client(PartyIdentity who, int redPort) {
        // A generous request timeout: batch posts here must not fail because a loaded CI machine is
        // slow to answer (what is tested is the answer, not its speed).
        return TwoParties.client(who, TwoParties.config(0, Duration.ofSeconds(30), redPort), new MemoryDeliveryStore());
    }

    private static SignedEnvelope envelope(PartyIdentity from, Precedence precedence, Category category, String text) {
        return TwoParties.signed(from, CLOCK, precedence, category, text);
    }

    private static void enqueue(MemoryDeliveryStore store, SignedEnvelope signed) {
        Envelope envelope =
                ((org.parley.wire.ParseResult.Parsed<Envelope>) EnvelopeCodec.parse(signed.canonical())).value();
        store.enqueue(envelope, signed);
    }

    /** Each federation sends a link test when it starts; these tests count the other envelopes. */
    private static List<Envelope> withoutLinkTests(List<Envelope> envelopes) {
        return envelopes.stream()
                .filter(e -> !(e.payload() instanceof Payload.LinkTest))
                .toList();
    }

    @Test
    void deliver_everyPrecedenceAndCategory_arrivesOnceWithVerifiedReceipts() throws IOException {
        int redPort = freePort();
        MemoryDeliveryStore blueStore = new MemoryDeliveryStore();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        List<Envelope> received = new CopyOnWriteArrayList<>();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {
            @Override
            public void received(org.parley.crypto.VerifiedEnvelope envelope) {
                received.add(envelope.envelope());
            }
        });
        Federation sender = start(config(0, redPort), blue, blueStore, new FederationListener() {});
        int sent = 0;
        for (Precedence p : Precedence.values()) {
            for (Category c : Category.values()) {
                if (c != Category.RECEIPT) {
                    enqueue(blueStore, envelope(blue, p, c, p + " " + c));
                    sent++;
                }
            }
        }
        sender.wake();
        int expected = sent;
        await().atMost(Duration.ofSeconds(20)).until(() -> blueStore.undelivered() == 0);
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(expected);
        assertThat(withoutLinkTests(received)).hasSize(expected);
        assertThat(blueStore.receipts()).hasSize(expected);
    }

    @Test
    void post_sameEnvelopeTwice_storedOnceAndSameReceipt() throws Exception {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        Outbound client = client(blue, redPort);
        byte[] frame = EnvelopeCodec.frame(envelope(blue, Precedence.FLASH, Category.SAFETY, "replayed"));
        Batch.Response first = client.post(List.of(frame));
        Batch.Response second = client.post(List.of(frame));
        assertThat(redStore.inbox()).hasSize(1);
        assertThat(first.results().get(0)).isEqualTo(second.results().get(0));
        assertThat(first.results().get(0)).isInstanceOf(Batch.Result.Receipt.class);
    }

    @Test
    void post_tamperedEnvelope_refusedWithReasonAndNothingStored() throws Exception {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        Outbound client = client(blue, redPort);
        byte[] frame = EnvelopeCodec.frame(envelope(blue, Precedence.FLASH, Category.SAFETY, "original text"));
        String text = new String(frame, StandardCharsets.UTF_8).replace("original text", "altered text!");
        Batch.Response response = client.post(List.of(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.results().get(0)).isInstanceOf(Batch.Result.Refused.class);
        assertThat(((Batch.Result.Refused) response.results().get(0)).reason()).contains("signature");
        assertThat(redStore.inbox()).isEmpty();
        assertThat(redStore.audit()).anyMatch(a -> a.startsWith("federation.refused"));
    }

    @Test
    void post_batchMixingGoodTamperedAndRepeated_answersEachInRequestOrder() throws Exception {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        Outbound client = client(blue, redPort);
        // More frames than CryptoPool.INLINE_BELOW, so the receiver verifies them on its pool.
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 2 * CryptoPool.INLINE_BELOW; i++) {
            frames.add(EnvelopeCodec.frame(envelope(blue, Precedence.ROUTINE, Category.ROUTINE, "good " + i)));
        }
        String tampered = new String(frames.get(3), StandardCharsets.UTF_8).replace("good 3", "evil 3");
        frames.set(3, tampered.getBytes(StandardCharsets.UTF_8));
        frames.add(frames.get(0));

        Batch.Response response = client.post(frames);

        List<Batch.Result> results = response.results();
        assertThat(results).hasSize(frames.size());
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i))
                    .as("result %d", i)
                    .isInstanceOf(i == 3 ? Batch.Result.Refused.class : Batch.Result.Receipt.class);
        }
        assertThat(results.get(results.size() - 1)).isEqualTo(results.get(0));
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(frames.size() - 2);
        // Each receipt names the envelope at its own position.
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof Batch.Result.Receipt receipt) {
                SignedEnvelope sent = EnvelopeCodec.unframe(frames.get(i)).orElseThrow();
                assertThat(client.verifyReceipt(
                                receipt.frame(),
                                EnvelopeCodec.parse(sent.canonical())
                                        .orElseThrow()
                                        .id(),
                                sent))
                        .isNotNull();
            }
        }
    }

    @Test
    void post_listenerClosesTheChannelMidBatch_laterEnvelopesDeclinedInOrderAndNotStored() throws Exception {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        // Like a channel notice applied during admission: from the "close" envelope on, decline.
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {
            @Override
            public Optional<String> refusal(org.parley.crypto.VerifiedEnvelope envelope) {
                if (closed.get()) {
                    return Optional.of("channel closed");
                }
                if (envelope.envelope().payload() instanceof Payload.Text text
                        && text.text().equals("close")) {
                    closed.set(true);
                }
                return Optional.empty();
            }
        });
        Outbound client = client(blue, redPort);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 2 * CryptoPool.INLINE_BELOW; i++) {
            String text = i == 5 ? "close" : "message " + i;
            frames.add(EnvelopeCodec.frame(envelope(blue, Precedence.ROUTINE, Category.ROUTINE, text)));
        }

        List<Batch.Result> results = client.post(frames).results();

        for (int i = 0; i < results.size(); i++) {
            if (i <= 5) {
                assertThat(results.get(i)).as("result %d", i).isInstanceOf(Batch.Result.Receipt.class);
            } else {
                assertThat(results.get(i)).as("result %d", i).isEqualTo(new Batch.Result.Refused("channel closed"));
            }
        }
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(6);
        assertThat(redStore.audit()).anyMatch(a -> a.startsWith("federation.declined"));
    }

    /** RED's store, recording the size of each batch it is asked to store; fails the call numbered {@code failing}. */
    private static final class PartsStore extends MemoryDeliveryStore {
        final List<Integer> parts = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile int failing = -1;

        @Override
        public List<Accepted> acceptAll(
                List<org.parley.crypto.VerifiedEnvelope> envelopes,
                java.time.Instant storedAt,
                ReceiptSigner receipts) {
            parts.add(envelopes.size());
            if (parts.size() == failing) {
                // As a database store does on failure: the transaction is rolled back, nothing kept.
                throw new org.parley.store.StoreException("store: cannot receive: disk I/O error");
            }
            return super.acceptAll(envelopes, storedAt, receipts);
        }
    }

    private static List<byte[]> routineFrames(int count, String label) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(EnvelopeCodec.frame(envelope(blue, Precedence.ROUTINE, Category.ROUTINE, label + " " + i)));
        }
        return frames;
    }

    @Test
    void post_batchLargerThanOneTransaction_storedInBoundedParts() throws Exception {
        int redPort = freePort();
        PartsStore redStore = new PartsStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        List<byte[]> frames = routineFrames(2 * Inbound.ROWS_PER_TRANSACTION + 22, "bulk");

        List<Batch.Result> results = client(blue, redPort).post(frames).results();

        assertThat(results).hasSize(frames.size()).allMatch(r -> r instanceof Batch.Result.Receipt);
        assertThat(redStore.parts).containsExactly(Inbound.ROWS_PER_TRANSACTION, Inbound.ROWS_PER_TRANSACTION, 22);
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(frames.size());
    }

    @Test
    void post_storeFailsAfterFirstPart_firstPartReceiptedRestRefusedAsNotStoredThenStoredOnRetry() throws Exception {
        int redPort = freePort();
        PartsStore redStore = new PartsStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        Outbound client = client(blue, redPort);
        redStore.failing = 2; // the batch's second part
        int total = Inbound.ROWS_PER_TRANSACTION + 30;
        List<byte[]> frames = routineFrames(total, "part");

        List<Batch.Result> first = client.post(frames).results();

        assertThat(first.subList(0, Inbound.ROWS_PER_TRANSACTION)).allMatch(r -> r instanceof Batch.Result.Receipt);
        assertThat(first.subList(Inbound.ROWS_PER_TRANSACTION, total))
                .allSatisfy(r -> assertThat(((Batch.Result.Refused) r).reason())
                        .startsWith("not stored: this node's store failed")
                        .contains("disk I/O error")
                        .endsWith("send it again"));
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(Inbound.ROWS_PER_TRANSACTION);

        List<Batch.Result> again = client.post(frames).results();

        assertThat(again).allMatch(r -> r instanceof Batch.Result.Receipt);
        assertThat(again.subList(0, Inbound.ROWS_PER_TRANSACTION))
                .as("the stored part is answered with its original receipts")
                .isEqualTo(first.subList(0, Inbound.ROWS_PER_TRANSACTION));
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(total);
    }

    @Test
    void deliver_flashAndRoutine_eachLaneRunsAtItsThreadPriority() throws IOException {
        int redPort = freePort();
        MemoryDeliveryStore blueStore = new MemoryDeliveryStore();
        java.util.Map<Precedence, Integer> handledAt = new java.util.concurrent.ConcurrentHashMap<>();
        start(config(redPort, freePort()), red, new MemoryDeliveryStore(), new FederationListener() {
            @Override
            public void received(org.parley.crypto.VerifiedEnvelope envelope) {
                if (!(envelope.envelope().payload() instanceof Payload.LinkTest)) {
                    handledAt.put(
                            envelope.envelope().precedence(),
                            Thread.currentThread().getPriority());
                }
            }
        });
        enqueue(blueStore, envelope(blue, Precedence.FLASH, Category.SAFETY, "safety lane"));
        Federation sender = start(config(0, redPort), blue, blueStore, new FederationListener() {});
        sender.wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> blueStore.undelivered() == 0);
        enqueue(blueStore, envelope(blue, Precedence.ROUTINE, Category.ROUTINE, "bulk lane"));
        sender.wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> blueStore.undelivered() == 0);

        // Java priorities: what the OS makes of them depends on -XX:ThreadPriorityPolicy (LanePriority).
        assertThat(handledAt)
                .containsEntry(Precedence.FLASH, LanePriority.SAFETY)
                .containsEntry(Precedence.ROUTINE, LanePriority.BULK);
        assertThat(threadPriority("federation-delivery-flash")).contains(LanePriority.SAFETY);
        assertThat(threadPriority("federation-delivery-0")).contains(LanePriority.BULK);
    }

    private static Optional<Integer> threadPriority(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .map(Thread::getPriority)
                .findFirst();
    }

    @Test
    void deliver_batchLargerThanOneTransaction_receiptsCommittedInBoundedParts() throws IOException {
        int redPort = freePort();
        List<Integer> parts = new CopyOnWriteArrayList<>();
        MemoryDeliveryStore blueStore = new MemoryDeliveryStore() {
            @Override
            public void deliveredAll(List<Delivered> receipts, java.time.Instant at) {
                parts.add(receipts.size());
                super.deliveredAll(receipts, at);
            }
        };
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        int sent = 3 * Inbound.ROWS_PER_TRANSACTION + 5;
        for (int i = 0; i < sent; i++) {
            enqueue(blueStore, envelope(blue, Precedence.ROUTINE, Category.ROUTINE, "settle " + i));
        }
        Federation sender = start(config(0, redPort), blue, blueStore, new FederationListener() {});
        sender.wake();

        await().atMost(Duration.ofSeconds(20)).until(() -> blueStore.undelivered() == 0);
        assertThat(parts).allMatch(size -> size <= Inbound.ROWS_PER_TRANSACTION);
        assertThat(parts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent);
        assertThat(parts).as("a full batch is settled in more than one part").contains(Inbound.ROWS_PER_TRANSACTION);
        assertThat(blueStore.receipts()).hasSize(sent);
    }

    @Test
    void deliver_flashWhileRoutineBatchIsStuckSettling_flashIsDeliveredFirst() throws Exception {
        int redPort = freePort();
        start(config(redPort, freePort()), red, new MemoryDeliveryStore(), new FederationListener() {});
        CountDownLatch routineMayFinish = new CountDownLatch(1);
        CountDownLatch routineSettling = new CountDownLatch(1);
        MemoryDeliveryStore blueStore = new MemoryDeliveryStore();
        DeliveryStore slowForRoutine = new Delegating(blueStore) {
            @Override
            public void deliveredAll(List<Delivered> receipts, java.time.Instant at) {
                if (receipts.stream().anyMatch(d -> d.receipt().envelope().precedence() == Precedence.ROUTINE)) {
                    routineSettling.countDown();
                    try {
                        routineMayFinish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.deliveredAll(receipts, at);
            }
        };
        Federation sender = start(config(0, redPort), blue, slowForRoutine, new FederationListener() {});
        for (int i = 0; i < 20; i++) {
            enqueue(blueStore, envelope(blue, Precedence.ROUTINE, Category.ROUTINE, "routine " + i));
        }
        sender.wake();
        assertThat(routineSettling.await(20, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();

        SignedEnvelope flash = envelope(blue, Precedence.FLASH, Category.SAFETY, "flash");
        enqueue(blueStore, flash);
        sender.wake();

        var flashId = EnvelopeCodec.parse(flash.canonical()).orElseThrow().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> blueStore.receipts().containsKey(flashId));
        assertThat(routineMayFinish.getCount()).isEqualTo(1);
        routineMayFinish.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> blueStore.undelivered() == 0);
    }

    /**
     * A FLASH loop that never comes back from settling its batch (a store call that does not
     * return) is reported with its stack after the stall limit; its batch is handed back, and a
     * spare loop sends it again (the peer keeps one copy and answers with its original receipt) and
     * delivers the FLASH sent after it.
     */
    @Test
    void deliver_flashLoopStuck_reportedAndSpareLoopDeliversItsBatchAndTheNext() throws Exception {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        CountDownLatch release = new CountDownLatch(1);
        MemoryDeliveryStore blueStore = new MemoryDeliveryStore();
        DeliveryStore stuckOnFirstFlash = new Delegating(blueStore) {
            private final java.util.concurrent.atomic.AtomicBoolean first =
                    new java.util.concurrent.atomic.AtomicBoolean(true);

            @Override
            public void deliveredAll(List<Delivered> receipts, java.time.Instant at) {
                boolean flash =
                        receipts.stream().anyMatch(d -> d.receipt().envelope().precedence() == Precedence.FLASH);
                if (flash && first.getAndSet(false)) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.deliveredAll(receipts, at);
            }
        };
        List<DeliveryStall> stalls = new CopyOnWriteArrayList<>();
        FederationConfig config =
                config(0, redPort).withRetry(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(1));
        Federation sender = start(config, blue, stuckOnFirstFlash, new FederationListener() {
            @Override
            public void delivery(DeliveryStall event) {
                stalls.add(event);
            }
        });
        try {
            SignedEnvelope first = envelope(blue, Precedence.FLASH, Category.SAFETY, "first flash");
            enqueue(blueStore, first);
            sender.wake();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> withoutLinkTests(redStore.inbox()).size() == 1);

            await().atMost(sender.stallLimit().plusSeconds(20)).until(() -> !stalls.isEmpty());
            assertThat(stalls.get(0)).isInstanceOfSatisfying(DeliveryStall.Stuck.class, stuck -> {
                assertThat(stuck.lane()).isEqualTo("FLASH");
                assertThat(stuck.handedBack()).isEqualTo(1);
                assertThat(stuck.where()).contains("deliveredAll");
            });
            var firstId = EnvelopeCodec.parse(first.canonical()).orElseThrow().id();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> blueStore.receipts().containsKey(firstId));
            SignedEnvelope second = envelope(blue, Precedence.FLASH, Category.SAFETY, "second flash");
            enqueue(blueStore, second);
            sender.wake();
            var secondId = EnvelopeCodec.parse(second.canonical()).orElseThrow().id();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> blueStore.receipts().containsKey(secondId));
            assertThat(withoutLinkTests(redStore.inbox())).hasSize(2);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> blueStore.undelivered() == 0);
        assertThat(withoutLinkTests(redStore.inbox()))
                .as("the batch sent again is stored once")
                .hasSize(2);
    }

    @Test
    void deliver_manyBatchesOnPipelinedLoops_eachEnvelopeDeliveredOnce() throws IOException {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        MemoryDeliveryStore blueStore = new MemoryDeliveryStore();
        java.util.Map<org.parley.wire.EnvelopeId, Integer> deliveredCount =
                new java.util.concurrent.ConcurrentHashMap<>();
        FederationConfig smallBatches =
                config(0, redPort).toBuilder().batchSize(16).build();
        Federation sender = start(smallBatches, blue, blueStore, new FederationListener() {
            @Override
            public void delivered(org.parley.wire.EnvelopeId id, org.parley.crypto.VerifiedEnvelope receipt) {
                deliveredCount.merge(id, 1, Integer::sum);
            }
        });
        int count = 300;
        List<Precedence> precedences = List.of(Precedence.values());
        for (int i = 0; i < count; i++) {
            enqueue(blueStore, envelope(blue, precedences.get(i % precedences.size()), Category.ROUTINE, "bulk " + i));
            if (i % 50 == 0) {
                sender.wake();
            }
        }
        sender.wake();

        await().atMost(Duration.ofSeconds(60)).until(() -> blueStore.undelivered() == 0);
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(count);
        assertThat(deliveredCount).hasSize(count);
        assertThat(deliveredCount.values()).containsOnly(1);
    }

    /** A DeliveryStore that passes everything to another, for tests that intercept one call. */
    private static class Delegating implements DeliveryStore {
        private final DeliveryStore inner;

        Delegating(DeliveryStore inner) {
            this.inner = inner;
        }

        @Override
        public List<DeliveryStore.Outbound> due(java.time.Instant now, int limit) {
            return inner.due(now, limit);
        }

        @Override
        public void delivered(
                org.parley.wire.EnvelopeId id, org.parley.crypto.VerifiedEnvelope receipt, java.time.Instant at) {
            inner.delivered(id, receipt, at);
        }

        @Override
        public void deliveredAll(List<Delivered> receipts, java.time.Instant at) {
            inner.deliveredAll(receipts, at);
        }

        @Override
        public int retryNow() {
            return inner.retryNow();
        }

        @Override
        public void retryLater(org.parley.wire.EnvelopeId id, java.time.Instant nextAttempt, String lastError) {
            inner.retryLater(id, nextAttempt, lastError);
        }

        @Override
        public Accepted accept(
                org.parley.crypto.VerifiedEnvelope envelope,
                java.util.function.Function<java.time.Instant, SignedEnvelope> receipt) {
            return inner.accept(envelope, receipt);
        }

        @Override
        public java.util.Map<org.parley.wire.EnvelopeId, SignedEnvelope> storedReceipts(
                Party from, List<org.parley.wire.EnvelopeId> ids) {
            return inner.storedReceipts(from, ids);
        }

        @Override
        public void audit(String event, String detail) {
            inner.audit(event, detail);
        }
    }

    @Test
    void connect_certificateFromUnpinnedCa_refusedAtTls() throws Exception {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        Outbound client = client(impostor, redPort);
        byte[] frame = EnvelopeCodec.frame(envelope(impostor, Precedence.FLASH, Category.SAFETY, "forged"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.post(List.of(frame)))
                .isInstanceOf(IOException.class);
        assertThat(redStore.inbox()).isEmpty();
    }

    @Test
    void deliver_firstEndpointStopsMidStream_failsOverWithNoLossNoDuplicate() throws Exception {
        int port1 = freePort();
        int port2 = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        Federation red1 =
                Federation.start(config(port1, freePort()), red, redStore, CLOCK, RANDOM, new FederationListener() {});
        start(config(port2, freePort()), red, redStore, new FederationListener() {});
        MemoryDeliveryStore blueStore = new MemoryDeliveryStore();
        Federation sender = start(config(0, port1, port2), blue, blueStore, new FederationListener() {});
        for (int i = 0; i < 200; i++) {
            enqueue(blueStore, envelope(blue, Precedence.ROUTINE, Category.ROUTINE, "message " + i));
            if (i == 100) {
                red1.close();
            }
            sender.wake();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> blueStore.undelivered() == 0);
        assertThat(withoutLinkTests(redStore.inbox())).hasSize(200);
        assertThat(withoutLinkTests(redStore.inbox()).stream().map(Envelope::id).distinct())
                .hasSize(200);
        assertThat(sender.currentEndpoint()).isEqualTo(1);
    }

    @Test
    void linkTest_peerDownThenBack_alarmRaisedThenCleared() throws Exception {
        int redPort = freePort();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        List<LinkEvent> events = new CopyOnWriteArrayList<>();
        // Misses are counted on a controllable clock, so a slow machine cannot turn an answer into a miss.
        org.parley.testing.TestClock clock = new org.parley.testing.TestClock(java.time.Instant.now());
        FederationConfig blueConfig = config(0, redPort).withLinkTests(Duration.ofHours(1), Duration.ofSeconds(30), 2);
        Federation sender =
                Federation.start(blueConfig, blue, new MemoryDeliveryStore(), clock, RANDOM, new FederationListener() {
                    @Override
                    public void link(LinkEvent event) {
                        events.add(event);
                    }
                });
        open.add(sender);
        assertThat(sender.linkTest(Optional.empty())).isEmpty();
        assertThat(sender.linkTest(Optional.empty())).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.linkStatus().alarm()).isTrue();
        start(config(redPort, freePort()), red, redStore, new FederationListener() {});
        Optional<Duration> rtt = sender.linkTest(Optional.empty());
        assertThat(rtt).isPresent();
        assertThat(sender.linkStatus().alarm()).isFalse();
        assertThat(sender.linkStatus().peerClockOffset()).isPresent();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(LinkEvent.AlarmRaised.class);
        assertThat(events.get(1)).isInstanceOf(LinkEvent.AlarmCleared.class);
        assertThat(redStore.inbox())
                .singleElement()
                .extracting(Envelope::category)
                .isEqualTo(Category.LINKTEST);
    }
}
