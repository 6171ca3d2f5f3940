package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.store.Keys.BLUE;
import static org.parley.store.Keys.RED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.testing.TestClock;
import org.parley.testing.YearOfTraffic;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listing queries (issue 16) on every engine: pages newest first, only the categories people
 * acknowledge, the acknowledgment from the same query, page boundaries, the pending count and the
 * restart re-watch. The store plays RED for the inbox (BLUE sends) and BLUE for the outbox.
 */
abstract class ListingContract {
    private static final Logger LOG = LoggerFactory.getLogger(ListingContract.class);

    private static final int YEAR_OF_TRAFFIC = YearOfTraffic.MESSAGES;

    protected final Keys keys = Keys.shared();
    protected final TestClock clock = new TestClock(Keys.START);

    @SuppressWarnings("NullAway.Init") // set in @BeforeEach
    protected Store store;

    /** A new, empty store on this engine. */
    abstract Store newStore(TestClock clock);

    /** Drops what {@link #newStore} made, if anything. */
    void dropStore() {}

    /** The engine's query plan for {@code sql} with {@code values} bound, one line per step. */
    abstract List<String> plan(String sql, Object... values);

    /**
     * What the engine's own upkeep would have done after a bulk load: PostgreSQL's autovacuum
     * analyzes a table that grew; SQLite gathers no statistics unless told, so nothing.
     */
    void afterBulkLoad() {}

    protected <T> T inTransaction(String what, Sql.Work<T> work) {
        return ((JdbcStore) store).inTransaction(what, work);
    }

    @BeforeEach
    void open() {
        store = newStore(clock);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        dropStore();
    }

    /** BLUE's envelope, received by this store (as RED) now; the clock then moves on a second. */
    private InboxEntry receive(Precedence precedence, Category category, String text) {
        VerifiedEnvelope verified = keys.receivedByRed(keys.blueMessage(clock, precedence, category, text));
        InboxEntry entry = store.receive(verified, stored -> keys.redReceipt(clock, stored))
                .entry();
        clock.advance(Duration.ofSeconds(1));
        return entry;
    }

    private StoredAck acknowledge(EnvelopeId id, Direction direction) {
        return store.recordAck(direction, keys.redAck(clock, id, "duty-officer"));
    }

    private static List<EnvelopeId> inboxIds(List<Listed<InboxEntry>> page) {
        return page.stream().map(l -> l.entry().id()).toList();
    }

    @Test
    void inboxPage_receivedOverTime_listsNewestFirst() {
        InboxEntry first = receive(Precedence.ROUTINE, Category.ROUTINE, "first");
        InboxEntry second = receive(Precedence.PRIORITY, Category.NOTICE, "second");
        InboxEntry third = receive(Precedence.FLASH, Category.SAFETY, "third");

        List<Listed<InboxEntry>> page = store.inboxPage(0, 10);

        assertThat(inboxIds(page)).containsExactly(third.id(), second.id(), first.id());
        assertThat(page.get(0).entry()).isEqualTo(third);
    }

    @Test
    void inboxPage_nodeTrafficNewerThanMessages_listsOnlyCategoriesPeopleAcknowledge() {
        InboxEntry dialogue = receive(Precedence.ROUTINE, Category.DIALOGUE, "talks?");
        InboxEntry routine = receive(Precedence.ROUTINE, Category.ROUTINE, "schedule");
        receive(Precedence.IMMEDIATE, Category.LINKTEST, "link test");
        receive(Precedence.ROUTINE, Category.ACK, "ack");
        receive(Precedence.ROUTINE, Category.RECEIPT, "receipt");

        assertThat(inboxIds(store.inboxPage(0, 1))).containsExactly(routine.id());
        assertThat(inboxIds(store.inboxPage(0, 10))).containsExactly(routine.id(), dialogue.id());
    }

    @Test
    void inboxPage_oneAcknowledged_carriesWhoAndWhenOnlyOnThatRow() {
        InboxEntry open = receive(Precedence.ROUTINE, Category.ROUTINE, "open");
        InboxEntry acked = receive(Precedence.FLASH, Category.SAFETY, "acked");
        StoredAck ack = acknowledge(acked.id(), Direction.SENT);

        List<Listed<InboxEntry>> page = store.inboxPage(0, 10);

        assertThat(page.get(0).entry().id()).isEqualTo(acked.id());
        assertThat(page.get(0).ack()).contains(ack);
        assertThat(page.get(0).ack().orElseThrow().role()).isEqualTo("duty-officer");
        assertThat(page.get(0).ack().orElseThrow().acknowledged()).isEqualTo(ack.acknowledged());
        assertThat(page.get(1).entry().id()).isEqualTo(open.id());
        assertThat(page.get(1).ack()).isEmpty();
    }

    @Test
    void inboxPage_ackOfOurOwnEnvelopeWithTheSameId_isNotJoined() {
        InboxEntry received = receive(Precedence.ROUTINE, Category.ROUTINE, "theirs");
        // An ack stored the other way (the peer acknowledging an envelope of ours) names a direction
        // the inbox join must not match, even for the same id.
        acknowledge(received.id(), Direction.RECEIVED);

        assertThat(store.inboxPage(0, 10))
                .singleElement()
                .satisfies(l -> assertThat(l.ack()).isEmpty());
    }

    @Test
    void inboxPage_pagesInTurnWithTiedReceiveTimes_coverEveryRowOnce() {
        List<EnvelopeId> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SignedEnvelope signed = keys.blueMessage(clock, Precedence.ROUTINE, "tied " + i);
            all.add(store.receive(keys.receivedByRed(signed), stored -> keys.redReceipt(clock, stored))
                    .entry()
                    .id());
            if (i % 3 == 2) {
                clock.advance(Duration.ofSeconds(1)); // rows 0-2 and 3-5 share their receive time
            }
        }

        List<EnvelopeId> paged = new ArrayList<>();
        for (int offset = 0; offset < 9; offset += 3) {
            paged.addAll(inboxIds(store.inboxPage(offset, 3)));
        }

        assertThat(paged).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(store.inboxPage(6, 3)).hasSize(1);
        assertThat(paged).isEqualTo(inboxIds(store.inboxPage(0, 7)));
    }

    @Test
    void inboxPage_offsetAtOrPastTheEnd_isEmpty() {
        receive(Precedence.ROUTINE, Category.ROUTINE, "only");

        assertThat(store.inboxPage(1, 10)).isEmpty();
        assertThat(store.inboxPage(50, 10)).isEmpty();
    }

    @Test
    void pages_emptyStore_areEmptyAndCountIsZero() {
        assertThat(store.inboxPage(0, 10)).isEmpty();
        assertThat(store.outboxPage(BLUE, 0, 10)).isEmpty();
        assertThat(store.pendingOutboxCount()).isZero();
        List<InboxEntry> unacknowledged = new ArrayList<>();
        store.forEachUnacknowledged(unacknowledged::add);
        assertThat(unacknowledged).isEmpty();
    }

    @Test
    void pages_negativeOffsetOrZeroLimit_areRefusedSayingWhich() {
        assertThatThrownBy(() -> store.inboxPage(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset must be >= 0");
        assertThatThrownBy(() -> store.outboxPage(BLUE, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be >= 1");
    }

    @Test
    void outboxPage_sentOverTime_newestFirstWithThePeersAck() {
        OutboxEntry first = store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "first"));
        clock.advance(Duration.ofSeconds(1));
        OutboxEntry second = store.enqueue(keys.blueMessage(clock, Precedence.FLASH, Category.SAFETY, "second"));
        clock.advance(Duration.ofSeconds(1));
        store.enqueue(keys.blueMessage(clock, Precedence.IMMEDIATE, Category.LINKTEST, "link test"));
        StoredAck ack = acknowledge(first.id(), Direction.RECEIVED);

        List<Listed<OutboxEntry>> page = store.outboxPage(BLUE, 0, 10);

        assertThat(page).extracting(l -> l.entry().id()).containsExactly(second.id(), first.id());
        assertThat(page.get(0).ack()).isEmpty();
        assertThat(page.get(1).ack()).contains(ack);
        assertThat(store.outboxPage(BLUE, 1, 1)).extracting(l -> l.entry().id()).containsExactly(first.id());
        assertThat(store.outboxPage(BLUE, 2, 1)).isEmpty();
    }

    @Test
    void outboxPage_askedForAnotherParty_joinsNoAck() {
        OutboxEntry sent = store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "ours"));
        acknowledge(sent.id(), Direction.RECEIVED);

        assertThat(store.outboxPage(RED, 0, 10))
                .singleElement()
                .satisfies(l -> assertThat(l.ack()).isEmpty());
    }

    @Test
    void pendingOutboxCount_someDelivered_countsOnlyThoseWaitingForAReceipt() {
        OutboxEntry delivered = store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "delivered"));
        store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "waiting"));
        store.enqueue(keys.blueMessage(clock, Precedence.IMMEDIATE, Category.LINKTEST, "link test waiting"));
        InboxEntry atPeer = new InboxEntry(
                BLUE,
                delivered.id(),
                delivered.precedence(),
                delivered.category(),
                delivered.created(),
                clock.instant(),
                delivered.signed(),
                delivered.signed().sha256Hex());
        store.markDelivered(delivered.id(), keys.blueVerifier.verify(keys.redReceipt(clock, atPeer)));

        assertThat(store.pendingOutboxCount()).isEqualTo(2);
    }

    @Test
    void forEachUnacknowledged_mixedInbox_handsOnlyOpenAcknowledgeableOnesOldestFirst() {
        InboxEntry open1 = receive(Precedence.ROUTINE, Category.ROUTINE, "open 1");
        InboxEntry acked = receive(Precedence.FLASH, Category.SAFETY, "acked");
        receive(Precedence.IMMEDIATE, Category.LINKTEST, "link test");
        InboxEntry open2 = receive(Precedence.FLASH, Category.SAFETY, "open 2");
        acknowledge(acked.id(), Direction.SENT);

        List<InboxEntry> handed = new ArrayList<>();
        store.forEachUnacknowledged(handed::add);

        assertThat(handed).containsExactly(open1, open2);
    }

    @Test
    void forEachUnacknowledged_moreRowsThanOneFetch_handsEachOnce() {
        int count = 1_203; // more than two fetches of 500 rows
        List<SignedEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(keys.blueMessage(clock, Precedence.ROUTINE, "bulk " + i));
        }
        store.receiveAll(
                batch.stream().map(keys::receivedByRed).toList(),
                stored ->
                        stored.stream().map(row -> keys.redReceipt(clock, row)).toList());

        Set<EnvelopeId> handed = new HashSet<>();
        List<InboxEntry> all = new ArrayList<>();
        store.forEachUnacknowledged(entry -> {
            all.add(entry);
            handed.add(entry.id());
        });

        assertThat(all).hasSize(count);
        assertThat(handed).hasSize(count);
    }

    @Test
    void listings_hundredThousandAndOneStored_newFlashFirstFromTheIndexes() {
        SignedEnvelope template = keys.blueMessage(clock, Precedence.ROUTINE, "a year of routine traffic");
        long yearAgo = Sql.micros(clock.instant().minus(Duration.ofDays(365)));
        long loadStart = System.nanoTime();
        inTransaction("bulk load", c -> {
            byte[] bytes = template.canonical().toByteArray();
            String signature = template.signature().toBase64Url();
            YearOfTraffic.acknowledgedInbox(
                    c, YEAR_OF_TRAFFIC, BLUE.name(), yearAgo, bytes, signature, template.sha256Hex());
            YearOfTraffic.deliveredOutbox(c, YEAR_OF_TRAFFIC, RED.name(), yearAgo, bytes, signature);
            return null;
        });
        afterBulkLoad();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        InboxEntry flash = receive(Precedence.FLASH, Category.SAFETY, "crossing your bow");
        receive(Precedence.IMMEDIATE, Category.LINKTEST, "newer link test");
        OutboxEntry sent = store.enqueue(keys.blueMessage(clock, Precedence.FLASH, Category.SAFETY, "our flash"));

        long start = System.nanoTime();
        List<Listed<InboxEntry>> inbox = store.inboxPage(0, 1);
        long inboxMicros = (System.nanoTime() - start) / 1_000;
        start = System.nanoTime();
        List<Listed<OutboxEntry>> outbox = store.outboxPage(BLUE, 0, 1);
        long outboxMicros = (System.nanoTime() - start) / 1_000;
        start = System.nanoTime();
        long pending = store.pendingOutboxCount();
        long pendingMicros = (System.nanoTime() - start) / 1_000;
        start = System.nanoTime();
        List<Listed<InboxEntry>> lastPage = store.inboxPage(YEAR_OF_TRAFFIC, 10);
        long lastPageMicros = (System.nanoTime() - start) / 1_000;
        start = System.nanoTime();
        List<InboxEntry> unacknowledged = new ArrayList<>();
        store.forEachUnacknowledged(unacknowledged::add);
        long rewatchMicros = (System.nanoTime() - start) / 1_000;
        LOG.info(
                "{} rows each side on {}: load {} ms; inbox page 1 {} us, outbox page 1 {} us, pending count {} us,"
                        + " last inbox page (OFFSET {}) {} us, re-watch query {} us",
                YEAR_OF_TRAFFIC,
                store.engine(),
                loadMillis,
                inboxMicros,
                outboxMicros,
                pendingMicros,
                YEAR_OF_TRAFFIC,
                lastPageMicros,
                rewatchMicros);

        assertThat(inbox).singleElement().satisfies(l -> {
            assertThat(l.entry()).isEqualTo(flash);
            assertThat(l.ack()).isEmpty();
        });
        assertThat(outbox).singleElement().satisfies(l -> assertThat(l.entry()).isEqualTo(sent));
        assertThat(pending).isEqualTo(1);
        assertThat(lastPage).singleElement().satisfies(l -> {
            assertThat(l.entry().id().toString()).isEqualTo(YearOfTraffic.envelopeId("8000", 1));
            assertThat(l.ack().orElseThrow().role()).isEqualTo("duty-officer");
        });
        assertThat(unacknowledged).containsExactly(flash);
        assertReadsIndex(plan(Listings.INBOX_PAGE, 1, 0), "inbox_listing");
        assertReadsIndex(plan(Listings.INBOX_PAGE, 10, YEAR_OF_TRAFFIC), "inbox_listing");
        assertReadsIndex(plan(Listings.OUTBOX_PAGE, 1, 0, BLUE.name()), "outbox_listing");
        assertReadsIndex(plan(Listings.PENDING_COUNT), "outbox_due");
    }

    /**
     * The plan reads {@code index} and scans no table whole. A sort may remain on top: it orders the
     * page's rows (at most LIMIT of them) after the join, the index gave the order below it.
     */
    private static void assertReadsIndex(List<String> plan, String index) {
        String text = String.join("\n", plan);
        LOG.info("plan:\n{}", text);
        assertThat(text).as(text).contains(index).doesNotContain("Seq Scan");
        assertThat(plan).as(text).noneMatch(step -> step.strip().matches(".*SCAN (i|o|k|a|inbox|outbox)$"));
    }
}
