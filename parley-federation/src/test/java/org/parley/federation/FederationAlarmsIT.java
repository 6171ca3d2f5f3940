package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * Issue 19, items 5 and 9: the link alarm fires although the store cannot write its audit row, and
 * an undeliverable FLASH raises an alarm after N failed attempts or T without a receipt. The peer
 * endpoint is a loopback port nobody listens on.
 */
class FederationAlarmsIT {
    private static final SecureRandom RANDOM = TwoParties.RANDOM;
    private static final InstantSource CLOCK = TwoParties.CLOCK;
    private static PartyIdentity blue;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void keys() throws IOException {
        blue = TwoParties.create("parley-alarms-it").blue;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private static FederationConfig unreachablePeer() throws IOException {
        return TwoParties.config(0, Duration.ofSeconds(2), TwoParties.freePort())
                .withRetry(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    private Federation start(FederationConfig config, DeliveryStore store, FederationListener listener) {
        Federation federation = Federation.start(config, blue, store, CLOCK, RANDOM, listener);
        open.add(federation);
        return federation;
    }

    /** Starts BLUE's federation, its FLASH_OVERDUE reports added to {@code overdue}, and wakes its delivery. */
    private void startCollectingOverdue(FederationConfig config, DeliveryStore store, List<FlashOverdue> overdue) {
        start(config, store, new FederationListener() {
                    @Override
                    public void flashOverdue(FlashOverdue event) {
                        overdue.add(event);
                    }
                })
                .wake();
    }

    private static SignedEnvelope envelope(Precedence precedence, String text) {
        return TwoParties.signed(blue, CLOCK, precedence, Category.SAFETY, text);
    }

    private static Envelope enqueue(MemoryDeliveryStore store, SignedEnvelope signed) {
        Envelope envelope =
                org.parley.wire.EnvelopeCodec.parse(signed.canonical()).orElseThrow();
        store.enqueue(envelope, signed);
        return envelope;
    }

    @Test
    void linkTests_storeAuditThrows_linkAlarmStillRaised() throws Exception {
        MemoryDeliveryStore failing = new MemoryDeliveryStore() {
            @Override
            public synchronized void audit(String event, String detail) {
                throw new org.parley.store.StoreException("disk full: cannot write audit row " + event);
            }
        };
        List<LinkEvent> events = new CopyOnWriteArrayList<>();
        FederationConfig config = unreachablePeer().withLinkTests(Duration.ofMillis(100), Duration.ofMillis(200), 2);

        start(config, failing, new FederationListener() {
            @Override
            public void link(LinkEvent event) {
                events.add(event);
            }
        });

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events).anyMatch(e -> e instanceof LinkEvent.AlarmRaised));
    }

    @Test
    void deliver_flashFailsRepeatedly_alarmOnceAfterTheConfiguredAttempts() throws Exception {
        MemoryDeliveryStore store = new MemoryDeliveryStore();
        List<FlashOverdue> overdue = new CopyOnWriteArrayList<>();
        FederationConfig config = unreachablePeer().withFlashAlarm(Duration.ofHours(1), 3);
        Envelope flash = enqueue(store, envelope(Precedence.FLASH, "unsafe crossing"));
        enqueue(store, envelope(Precedence.ROUTINE, "routine, never alarmed"));

        startCollectingOverdue(config, store, overdue);

        await().atMost(Duration.ofSeconds(10)).until(() -> !overdue.isEmpty());
        Thread.sleep(1500); // the watchdog looks every second: a second report would come now
        assertThat(overdue).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(flash.id());
            assertThat(o.failedAttempts()).isGreaterThanOrEqualTo(3);
            assertThat(o.lastError()).isNotBlank();
        });
    }

    @Test
    void deliver_flashWithoutReceiptPastTheLimit_alarmBeforeTheAttemptLimit() throws Exception {
        MemoryDeliveryStore store = new MemoryDeliveryStore();
        List<FlashOverdue> overdue = new CopyOnWriteArrayList<>();
        FederationConfig config = unreachablePeer()
                .withRetry(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(2))
                .withFlashAlarm(Duration.ofMillis(1500), 1000);
        Envelope flash = enqueue(store, envelope(Precedence.FLASH, "unsafe crossing"));

        startCollectingOverdue(config, store, overdue);

        await().atMost(Duration.ofSeconds(10)).until(() -> !overdue.isEmpty());
        assertThat(overdue).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(flash.id());
            assertThat(o.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(o.failedAttempts()).isLessThan(1000);
        });
    }
}
