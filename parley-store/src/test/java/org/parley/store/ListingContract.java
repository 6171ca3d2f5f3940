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
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * The listing queries (issue 16) on every engine: pages newest first, only the categories people
 * acknowledge, the acknowledgment from the same query, page boundaries, the pending count and the
 * restart re-watch. The store plays RED for the inbox (BLUE sends) and BLUE for the outbox.
 */
abstract class ListingContract {
    protected final Keys keys = Keys.shared();
    protected final TestClock clock = new TestClock(Keys.START);

    @SuppressWarnings("NullAway.Init") // set in @BeforeEach
    protected Store store;

    /** A new, empty store on this engine. */
    abstract Store newStore(TestClock clock);

    /** Drops what {@link #newStore} made, if anything. */
    void dropStore() {}

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
}
