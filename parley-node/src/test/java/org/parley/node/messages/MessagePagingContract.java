package org.parley.node.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.node.messages.TwoParties.BLUE;
import static org.parley.node.messages.TwoParties.RED;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.federation.OutboxSignal;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.node.record.NodeDialogue;
import org.parley.node.record.NodeLedger;
import org.parley.store.Store;
import org.parley.testing.TestClock;
import org.parley.testing.YearOfTraffic;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16: BLUE's message service over a store holding a year of traffic (100,001 acknowledged
 * messages, one more than the window the listings used to read) lists a new FLASH first and,
 * after a restart, still escalates a FLASH nobody acknowledged. Subclasses supply the engine.
 */
abstract class MessagePagingContract {
    private static final Logger LOG = LoggerFactory.getLogger(MessagePagingContract.class);
    private static final int YEAR_OF_TRAFFIC = YearOfTraffic.MESSAGES;
    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    static Path keysRoot;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static TwoParties parties;

    protected final TestClock clock = new TestClock(START);

    @SuppressWarnings("NullAway.Init") // set in @BeforeEach
    private Store store;

    @SuppressWarnings("NullAway.Init") // set in @BeforeEach
    private NodeEvents events;

    @SuppressWarnings("NullAway.Init") // set in @BeforeEach
    private MessageService messages;

    /** A new, empty store on this engine. */
    abstract Store newStore(TestClock clock);

    /** The store {@link #newStore} made, opened again (as after a restart). */
    abstract Store reopen(TestClock clock);

    /** Drops what {@link #newStore} made, if anything. */
    void dropStore() {}

    @BeforeAll
    static void keys() {
        parties = TwoParties.create(keysRoot, START);
    }

    @BeforeEach
    void open() {
        store = newStore(clock);
        messages = service(store);
    }

    @AfterEach
    void close() {
        store.close();
        dropStore();
    }

    /** BLUE's message service as HotlineNode.start assembles it (without the servers). */
    private MessageService service(Store on) {
        events = new NodeEvents(BLUE, on, clock);
        return MessageService.open(
                new Drafter(BLUE, RED, parties.blue.signer(), clock, TwoParties.RANDOM),
                on,
                NodeLedger.open(on, parties.blue, RED, clock),
                NodeDialogue.open(on.sharedDataSource(), clock),
                new AckWatch(clock, Map.of(), List.of("duty-officer", "watch-supervisor", "commander")),
                events,
                new OutboxSignal());
    }

    /** What the federation does with a RED envelope: store it with BLUE's receipt, then hand it in. */
    private EnvelopeId receiveFromRed(Precedence precedence, Category category, String text) {
        VerifiedEnvelope verified = parties.fromRed(clock, precedence, category, text);
        store.receive(verified, stored -> parties.blueReceipt(clock, stored));
        messages.received(verified);
        return verified.envelope().id();
    }

    /** A year of RED's ROUTINE traffic, received and acknowledged (see {@link YearOfTraffic}). */
    private void yearOfAcknowledgedTraffic() {
        VerifiedEnvelope template = parties.fromRed(clock, Precedence.ROUTINE, Category.ROUTINE, "routine");
        long yearAgoMicros = START.minus(Duration.ofDays(365)).toEpochMilli() * 1000;
        long start = System.nanoTime();
        try (Connection c = store.sharedDataSource().getConnection()) {
            c.setAutoCommit(false);
            YearOfTraffic.acknowledgedInbox(
                    c,
                    YEAR_OF_TRAFFIC,
                    RED.name(),
                    yearAgoMicros,
                    template.signed().canonical().toByteArray(),
                    template.signed().signature().toBase64Url(),
                    template.signed().sha256Hex());
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load a year of traffic: " + e.getMessage(), e);
        }
        LOG.info("{} acknowledged messages loaded in {} ms", YEAR_OF_TRAFFIC, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void inbox_newFlashAfterAYearOfTraffic_isTheFirstRowOfLimitOne() {
        yearOfAcknowledgedTraffic();
        EnvelopeId flash = receiveFromRed(Precedence.FLASH, Category.SAFETY, "Crossing your bow at 150 yd.");
        receiveFromRed(Precedence.IMMEDIATE, Category.LINKTEST, "link test, newer than the flash");

        long start = System.nanoTime();
        List<MessageView> first = messages.inbox(1);
        long micros = (System.nanoTime() - start) / 1_000;
        List<MessageView> second = messages.inbox(1, 1);
        LOG.info("inbox(1) over {} messages on {}: {} us", YEAR_OF_TRAFFIC + 1, store.engine(), micros);

        assertThat(first).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(flash);
            assertThat(view.precedence()).isEqualTo(Precedence.FLASH);
            assertThat(view.status()).isEqualTo(MessageView.Status.RECEIVED);
            assertThat(view.acknowledgedBy()).isEmpty();
            assertThat(view.responsibleRole()).contains("duty-officer");
        });
        assertThat(second).singleElement().satisfies(view -> {
            assertThat(view.id().toString()).isEqualTo(YearOfTraffic.envelopeId("8000", YEAR_OF_TRAFFIC));
            assertThat(view.status()).isEqualTo(MessageView.Status.ACKNOWLEDGED);
            assertThat(view.acknowledgedBy()).contains("duty-officer");
        });
    }

    /**
     * Issue 19, item 4: 100,000 valid FLASH SAFETY messages from RED that nobody acknowledges (as
     * stored by the federation; loaded in one statement here) raise a bounded number of alarms at
     * half the deadline and at the deadline, and every one of them is still escalated: overdue in the
     * inbox with the next role responsible, and named in the record.
     */
    @Test
    void tick_floodOfUnacknowledgedSafetyMessages_fewAlarmsAndEveryOneEscalated() {
        int flood = 100_000;
        floodOfUnacknowledgedFlash(flood);
        messages = service(store); // as after a restart: the watch finds them in the store
        EnvelopeId fresh = receiveFromRed(Precedence.FLASH, Category.SAFETY, "and one more, through the flood");
        long alarmsBefore = events.alarmsRaised();

        long start = System.nanoTime();
        clock.advance(Duration.ofMinutes(6));
        messages.tick();
        long realertMillis = (System.nanoTime() - start) / 1_000_000;
        long afterRealert = events.alarmsRaised();
        start = System.nanoTime();
        clock.advance(Duration.ofMinutes(5));
        messages.tick();
        LOG.info(
                "ack watch over {} unacknowledged on {}: re-alert tick {} ms, escalation tick {} ms",
                flood + 1,
                store.engine(),
                realertMillis,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(afterRealert - alarmsBefore).as("re-alert alarms").isLessThanOrEqualTo(AckAlarms.SINGLE + 1);
        assertThat(events.alarmsRaised() - afterRealert)
                .as("escalation alarms")
                .isLessThanOrEqualTo(AckAlarms.SINGLE + 1);
        assertThat(events.alarms())
                .anySatisfy(a -> assertThat(a.message()).contains((flood + 1 - AckAlarms.SINGLE) + " more messages"));
        long named = store.auditLog(0, 1_000_000).stream()
                .filter(e -> e.action().equals("ack.overdue"))
                .mapToLong(e -> e.subject().endsWith(" messages")
                        ? Long.parseLong(e.subject().substring(0, e.subject().indexOf(' ')))
                        : 1)
                .sum();
        assertThat(named).as("messages recorded as not acknowledged in time").isEqualTo(flood + 1);
        assertThat(messages.inbox(0, 50)).hasSize(50).allSatisfy(view -> {
            assertThat(view.status()).isEqualTo(MessageView.Status.OVERDUE);
            assertThat(view.responsibleRole()).contains("watch-supervisor");
        });
        assertThat(messages.find(fresh).orElseThrow().responsibleRole()).contains("watch-supervisor");
    }

    /** {@code count} FLASH SAFETY envelopes from RED in the inbox (ids of family c000), unacknowledged. */
    private void floodOfUnacknowledgedFlash(int count) {
        VerifiedEnvelope template = parties.fromRed(clock, Precedence.FLASH, Category.SAFETY, "flood");
        long micros = clock.instant().toEpochMilli() * 1000;
        try (Connection c = store.sharedDataSource().getConnection();
                var insert = c.prepareStatement("INSERT INTO inbox (from_party, envelope_id, precedence_rank,"
                        + " category, created_micros, received_micros, canonical, signature, sha256)"
                        + " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)"
                        + " SELECT ?, '00000000-0000-7000-c000-' || CAST(100000000000 + i AS TEXT), 0, 'SAFETY',"
                        + " ? - i, ? - i, ?, ?, ? FROM n")) {
            c.setAutoCommit(false);
            insert.setInt(1, count);
            insert.setString(2, RED.name());
            insert.setLong(3, micros);
            insert.setLong(4, micros);
            insert.setBytes(5, template.signed().canonical().toByteArray());
            insert.setString(6, template.signed().signature().toBase64Url());
            insert.setString(7, template.signed().sha256Hex());
            insert.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the flood: " + e.getMessage(), e);
        }
    }

    @Test
    void rewatch_unacknowledgedFlashStoredBeforeRestart_escalatesAfterIt() {
        yearOfAcknowledgedTraffic();
        EnvelopeId flash = receiveFromRed(Precedence.FLASH, Category.SAFETY, "Crossing your bow at 150 yd.");
        EnvelopeId acknowledged = receiveFromRed(Precedence.FLASH, Category.SAFETY, "Second contact.");
        messages.acknowledge(acknowledged, "alice", "duty-officer");
        store.close();

        store = reopen(clock);
        long start = System.nanoTime();
        messages = service(store);
        LOG.info(
                "message service reopened over {} messages on {} in {} ms",
                YEAR_OF_TRAFFIC + 2,
                store.engine(),
                (System.nanoTime() - start) / 1_000_000);
        clock.advance(Precedence.FLASH.defaultAckDeadline().plusSeconds(1));
        messages.tick();

        assertThat(events.alarms())
                .filteredOn(a -> a.kind() == Alarm.Kind.ESCALATION)
                .singleElement()
                .satisfies(a -> assertThat(a.message()).contains(flash.toString(), "NOT ACKNOWLEDGED IN TIME"));
        assertThat(events.alarms()).noneMatch(a -> a.message().contains(acknowledged.toString()));
        assertThat(messages.find(flash).orElseThrow().status()).isEqualTo(MessageView.Status.OVERDUE);
    }

    @Test
    void outbox_sentMessagesAndNodeTraffic_listsOperatorsMessagesNewestFirstAndCountsPending() {
        EnvelopeId older = messages.send(Precedence.ROUTINE, Category.ROUTINE, new Payload.Text("schedule"), "alice");
        clock.advance(Duration.ofSeconds(1));
        EnvelopeId newer = messages.send(Precedence.FLASH, Category.SAFETY, new Payload.Text("bow crossing"), "alice");
        EnvelopeId received = receiveFromRed(Precedence.PRIORITY, Category.ROUTINE, "please acknowledge");
        messages.acknowledge(received, "alice", "duty-officer"); // puts an ACK of ours in the outbox

        assertThat(messages.outbox(10)).extracting(MessageView::id).containsExactly(newer, older);
        assertThat(messages.outbox(1, 10)).extracting(MessageView::id).containsExactly(older);
        assertThat(messages.outbox(2, 10)).isEmpty();
        assertThat(messages.outboxPending()).isEqualTo(3); // two messages and the ack, none receipted yet
    }

    @Test
    void inbox_acknowledgedThroughTheService_showsWhoAndWhenFromTheListing() {
        EnvelopeId id = receiveFromRed(Precedence.IMMEDIATE, Category.NOTICE, "Exercise area KILO active.");
        clock.advance(Duration.ofMinutes(2));
        MessageView answer = messages.acknowledge(id, "alice", "duty-officer");

        MessageView listed = messages.inbox(10).get(0);

        assertThat(answer.status()).isEqualTo(MessageView.Status.ACKNOWLEDGED);
        assertThat(listed.acknowledgedBy()).contains("duty-officer");
        assertThat(listed.acknowledgedAt()).contains(clock.instant());
        assertThat(listed).isEqualTo(answer);
    }

    @Test
    void inbox_negativeOffset_isRefusedWith400() {
        assertThatThrownBy(() -> messages.inbox(-1, 10))
                .isInstanceOfSatisfying(
                        MessageService.Refused.class,
                        r -> assertThat(r.status()).isEqualTo(400))
                .hasMessageContaining("'offset'");
        assertThatThrownBy(() -> messages.outbox(0))
                .isInstanceOfSatisfying(
                        MessageService.Refused.class,
                        r -> assertThat(r.status()).isEqualTo(400))
                .hasMessageContaining("'limit'");
    }
}
