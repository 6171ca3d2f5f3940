package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Party;

/** The watchdog's view of a delivery loop that stops coming round, and comes round again. */
class OutboundStallTest {
    @TempDir
    Path root;

    @Test
    void stalls_loopBlockedInTheStore_reportedOnceWithItsStackThenResumed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        MemoryDeliveryStore store = new MemoryDeliveryStore() {
            @Override
            public synchronized List<Outbound> due(Instant now, int limit) {
                blocked.countDown();
                try {
                    release.await(); // a store call that does not return: a lock never granted, say
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.due(now, limit);
            }
        };
        org.parley.federation.Outbound outbound = outbound(store);
        Thread loop = Thread.ofPlatform().start(() -> outbound.run(org.parley.federation.Outbound.Lane.FLASH));
        try {
            blocked.await();
            Duration limit = Duration.ofMillis(300);

            List<DeliveryStall> stuck = awaitStalls(outbound, limit);

            assertThat(stuck).singleElement().isInstanceOfSatisfying(DeliveryStall.Stuck.class, s -> {
                assertThat(s.lane()).isEqualTo("FLASH");
                assertThat(s.stuckFor()).isGreaterThan(limit);
                assertThat(s.handedBack()).as("stuck before it took a batch").isZero();
                assertThat(s.where()).contains("OutboundStallTest").contains("await");
            });
            assertThat(outbound.stalls(limit)).as("reported once per stall").isEmpty();

            release.countDown();
            List<DeliveryStall> resumed = awaitStalls(outbound, limit);

            assertThat(resumed).singleElement().isInstanceOf(DeliveryStall.Resumed.class);
        } finally {
            loop.interrupt();
            loop.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void stalls_idleLoop_neverReported() throws Exception {
        org.parley.federation.Outbound outbound = outbound(new MemoryDeliveryStore());
        Thread loop = Thread.ofPlatform().start(() -> outbound.run(org.parley.federation.Outbound.Lane.OTHERS));
        try {
            // An idle loop waits at most 250 ms for a wake-up before it looks at the outbox again.
            for (int i = 0; i < 10; i++) {
                Thread.sleep(100);
                assertThat(outbound.stalls(Duration.ofMillis(600))).isEmpty();
            }
        } finally {
            loop.interrupt();
            loop.join(Duration.ofSeconds(5));
        }
    }

    private static List<DeliveryStall> awaitStalls(org.parley.federation.Outbound outbound, Duration limit)
            throws InterruptedException {
        List<DeliveryStall> seen = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(10);
        while (seen.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            seen.addAll(outbound.stalls(limit));
        }
        return seen;
    }

    private org.parley.federation.Outbound outbound(DeliveryStore store) throws IOException {
        InstantSource clock = InstantSource.system();
        SecureRandom random = new SecureRandom();
        List<String> hosts = List.of("localhost");
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("blue"), Party.of("BLUE"), hosts, Optional.empty(), clock, random);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red"), Party.of("RED"), hosts, Optional.empty(), clock, random);
        blue.trustPeerCa(Files.readAllBytes(red.directory().resolve("ca.crt")));
        FederationConfig config = FederationConfig.defaults(
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                List.of(URI.create("https://127.0.0.1:9")));
        return new org.parley.federation.Outbound(
                config,
                blue.sslContext(),
                blue.signer(),
                List.of(blue.signer().certificatePem()),
                blue.verifier(),
                store,
                clock,
                random,
                new FederationListener() {},
                new CryptoPool(1),
                new OutboxSignal());
    }
}
