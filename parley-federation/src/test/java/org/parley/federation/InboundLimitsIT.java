package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.federation.TwoParties.freePort;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Issue 19, items 2, 12 and 13 on the receiving side, over real mutual TLS on loopback: batch
 * limits (413) and one alarm per batch and kind of refusal; no back-dated new envelopes; a resent
 * envelope gets its original receipt before any other check.
 */
class InboundLimitsIT {
    private static final SecureRandom RANDOM = TwoParties.RANDOM;
    private static final InstantSource CLOCK = TwoParties.CLOCK;
    private static PartyIdentity blue;
    private static PartyIdentity red;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void keys() throws IOException {
        // Keys made three days ago, so that an envelope dated two days ago is inside its certificate.
        TwoParties parties = TwoParties.create(
                "parley-inbound-it", InstantSource.fixed(CLOCK.instant().minus(Duration.ofDays(3))));
        blue = parties.blue;
        red = parties.red;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private static FederationConfig config(int listenPort, int peerPort) {
        return TwoParties.config(listenPort, Duration.ofSeconds(30), peerPort);
    }

    /** RED's federation endpoint; returns its port. */
    private int startRed(MemoryDeliveryStore store, InstantSource clock, FederationListener listener)
            throws IOException {
        int port = freePort();
        open.add(Federation.start(config(port, freePort()), red, store, clock, RANDOM, listener));
        return port;
    }

    private static Outbound client(int redPort) {
        return TwoParties.client(blue, config(0, redPort), new MemoryDeliveryStore());
    }

    private static byte[] frame(InstantSource clock, Precedence precedence, Category category, String text) {
        return TwoParties.frame(blue, clock, precedence, category, text);
    }

    /** Posts one FLASH SAFETY envelope dated by {@code clock} to RED and returns RED's answer to it. */
    private static Batch.Result postFlash(int redPort, InstantSource clock, String text)
            throws IOException, InterruptedException {
        return client(redPort)
                .post(List.of(frame(clock, Precedence.FLASH, Category.SAFETY, text)))
                .results()
                .get(0);
    }

    private static List<byte[]> junk(int count) {
        List<byte[]> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[24];
            RANDOM.nextBytes(frame);
            frames.add(frame);
        }
        return frames;
    }

    /** Counts the refusal reports RED's federation makes to its node. */
    private static final class Refusals implements FederationListener {
        final List<Integer> counts = new CopyOnWriteArrayList<>();

        @Override
        public void refused(int count, String reason) {
            counts.add(count);
        }
    }

    @Test
    void post_200000JunkFrames_refused413AtOnceWhileAFlashIsStoredFast() throws Exception {
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        Refusals refusals = new Refusals();
        int redPort = startRed(redStore, CLOCK, refusals);
        Outbound flashClient = client(redPort);
        flashClient.post(List.of(frame(CLOCK, Precedence.FLASH, Category.SAFETY, "warm-up"))); // TLS set up
        List<byte[]> junk = junk(200_000);

        long start = System.nanoTime();
        CompletableFuture<Throwable> flood = CompletableFuture.supplyAsync(() -> {
            try {
                client(redPort).post(junk);
                return new AssertionError("200,000 frames were accepted for checking");
            } catch (IOException | InterruptedException | RuntimeException e) {
                return e;
            }
        });
        List<Long> flashMillis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            Batch.Response response =
                    flashClient.post(List.of(frame(CLOCK, Precedence.FLASH, Category.SAFETY, "flash " + i)));
            flashMillis.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(response.results().get(0)).isInstanceOf(Batch.Result.Receipt.class);
        }
        Throwable floodFailure = flood.get();

        assertThat(floodFailure)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 413")
                .hasMessageContaining("at most " + Inbound.MAX_ENVELOPES_PER_BATCH + " envelopes");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(flashMillis.stream().sorted().toList().get(2))
                .as("median FLASH store time during the flood, ms: %s", flashMillis)
                .isLessThan(100);
        assertThat(refusals.counts).isEmpty();
        assertThat(redStore.audit()).noneMatch(a -> a.startsWith("federation.refused"));
    }

    @Test
    void post_junkBatchAtTheLimit_eachFrameAnsweredButOneAuditRowAndOneAlarm() throws Exception {
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        Refusals refusals = new Refusals();
        int redPort = startRed(redStore, CLOCK, refusals);

        Batch.Response response = client(redPort).post(junk(Inbound.MAX_ENVELOPES_PER_BATCH));

        assertThat(response.results())
                .hasSize(Inbound.MAX_ENVELOPES_PER_BATCH)
                .allMatch(r -> r instanceof Batch.Result.Refused);
        assertThat(refusals.counts).containsExactly(Inbound.MAX_ENVELOPES_PER_BATCH);
        assertThat(redStore.audit().stream().filter(a -> a.startsWith("federation.refused")))
                .singleElement()
                .asString()
                .contains(Inbound.MAX_ENVELOPES_PER_BATCH + " frames in one batch refused");
    }

    @Test
    void post_duplicateAfterItsCategoryWasSuspended_getsTheOriginalReceipt() throws Exception {
        AtomicBoolean suspended = new AtomicBoolean();
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        int redPort = startRed(redStore, CLOCK, new FederationListener() {
            @Override
            public Optional<String> refusal(VerifiedEnvelope envelope) {
                return suspended.get() ? Optional.of("ROUTINE is suspended") : Optional.empty();
            }
        });
        Outbound client = client(redPort);
        byte[] frame = frame(CLOCK, Precedence.ROUTINE, Category.ROUTINE, "stored before the suspension");
        Batch.Result first = client.post(List.of(frame)).results().get(0);
        suspended.set(true);

        List<Batch.Result> again = client.post(
                        List.of(frame, frame(CLOCK, Precedence.ROUTINE, Category.ROUTINE, "new")))
                .results();

        assertThat(first).isInstanceOf(Batch.Result.Receipt.class);
        assertThat(again.get(0)).isEqualTo(first);
        assertThat(again.get(1)).isEqualTo(new Batch.Result.Refused("ROUTINE is suspended"));
    }

    @Test
    void post_newEnvelopeDatedTwoDaysAgo_refusedAsAPossibleReplay() throws Exception {
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        int redPort = startRed(redStore, CLOCK, new FederationListener() {});
        InstantSource twoDaysAgo = InstantSource.fixed(CLOCK.instant().minus(Duration.ofDays(2)));

        Batch.Result result = postFlash(redPort, twoDaysAgo, "back-dated");

        assertThat(result)
                .isInstanceOfSatisfying(
                        Batch.Result.Refused.class, r -> assertThat(r.reason()).contains("more than 24 h before"));
        assertThat(redStore.inbox()).noneMatch(e -> e.payload().equals(new Payload.Text("back-dated")));
    }

    @Test
    void post_retryOfAnEnvelopeStoredTwoDaysAgo_getsTheOriginalReceipt() throws Exception {
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        TestClock redClock = new TestClock(CLOCK.instant());
        int redPort = startRed(redStore, redClock, new FederationListener() {});
        Outbound client = client(redPort);
        byte[] frame = frame(CLOCK, Precedence.FLASH, Category.SAFETY, "stored, receipt lost");
        Batch.Result first = client.post(List.of(frame)).results().get(0);
        redClock.advance(Duration.ofDays(2));

        Batch.Result again = client.post(List.of(frame)).results().get(0);

        assertThat(first).isInstanceOf(Batch.Result.Receipt.class);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void post_envelopeDatedAnHourAhead_storedAndThePeersClockReported() throws Exception {
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        List<Duration> reported = new CopyOnWriteArrayList<>();
        int redPort = startRed(redStore, CLOCK, new FederationListener() {
            @Override
            public void peerClockAhead(org.parley.wire.EnvelopeId id, Duration ahead) {
                reported.add(ahead);
            }
        });
        // BLUE's clock stepped an hour ahead (issue 20): its FLASH must still get through.
        InstantSource anHourAhead = InstantSource.fixed(CLOCK.instant().plus(Duration.ofHours(1)));

        Batch.Result result = postFlash(redPort, anHourAhead, "clock ahead");

        assertThat(result).isInstanceOf(Batch.Result.Receipt.class);
        assertThat(redStore.inbox()).anyMatch(e -> e.payload().equals(new Payload.Text("clock ahead")));
        assertThat(reported)
                .singleElement()
                .satisfies(ahead -> assertThat(ahead).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61)));
    }

    @Test
    void post_envelopeDatedTwoDaysAhead_refused() throws Exception {
        MemoryDeliveryStore redStore = new MemoryDeliveryStore();
        int redPort = startRed(redStore, CLOCK, new FederationListener() {});
        InstantSource twoDaysAhead = InstantSource.fixed(CLOCK.instant().plus(Duration.ofDays(2)));

        Batch.Result result = postFlash(redPort, twoDaysAhead, "far ahead");

        assertThat(result)
                .isInstanceOfSatisfying(
                        Batch.Result.Refused.class, r -> assertThat(r.reason()).contains("more than 24 h ahead"));
        assertThat(redStore.inbox()).noneMatch(e -> e.payload().equals(new Payload.Text("far ahead")));
    }
}
