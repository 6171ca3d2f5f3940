package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.store.Keys.BLUE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.ledger.CountersignedTreeHead;
import org.parley.ledger.LedgerException;
import org.parley.ledger.MerkleHash;
import org.parley.ledger.SignatureBytes;
import org.parley.ledger.SignedTreeHead;
import org.parley.ledger.TreeHead;
import org.parley.ledger.TreeHeadStore;
import org.parley.testing.TestClock;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/** The behaviour every engine must show; subclasses supply the engine. */
abstract class StoreContract {
    protected final Keys keys = Keys.shared();
    protected final TestClock clock = new TestClock(Keys.START);

    @SuppressWarnings("NullAway.Init") // set in @BeforeEach
    protected Store store;

    /** A new, empty store on this engine. */
    abstract Store newStore(TestClock clock);

    /** The store {@link #newStore} made, opened again (as after a restart). */
    abstract Store reopen(TestClock clock);

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

    private long count(String table) {
        return ((JdbcStore) store)
                .inTransaction(
                        "count",
                        c -> Sql.queryOne(c, r -> r.getLong(1), "SELECT COUNT(*) FROM " + table)
                                .orElseThrow());
    }

    @Test
    void receive_sameEnvelopeTwice_keepsOneRowAndReturnsTheFirstReceipt() {
        VerifiedEnvelope verified = keys.receivedByRed(keys.blueMessage(clock, Precedence.FLASH, "contact"));
        AtomicInteger receiptsMade = new AtomicInteger();
        Store.ReceiptMaker maker = stored -> {
            receiptsMade.incrementAndGet();
            return keys.redReceipt(clock, stored);
        };

        Received first = store.receive(verified, maker);
        clock.advance(Duration.ofSeconds(5));
        Received second = store.receive(verified, maker);

        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.receipt()).isEqualTo(first.receipt());
        assertThat(second.entry()).isEqualTo(first.entry());
        assertThat(receiptsMade).hasValue(1);
        assertThat(count("inbox")).isEqualTo(1);
        assertThat(count("receipts")).isEqualTo(1);
    }

    @Test
    void receive_storedRow_keepsTheExactBytesAndSignatureReceived() {
        SignedEnvelope signed = keys.blueMessage(clock, Precedence.ROUTINE, "exact bytes — 中文 \u0001");

        store.receive(keys.receivedByRed(signed), stored -> keys.redReceipt(clock, stored));
        InboxEntry stored = store.inboxEntry(
                        BLUE, keys.receivedByRed(signed).envelope().id())
                .orElseThrow();

        assertThat(stored.signed().canonical().toByteArray())
                .isEqualTo(signed.canonical().toByteArray());
        assertThat(stored.signed().signature()).isEqualTo(signed.signature());
        assertThat(stored.sha256Hex()).isEqualTo(signed.sha256Hex());
        assertThat(keys.redVerifier.verify(stored.signed()).envelope()).isEqualTo(stored.envelope());
    }

    @Test
    void receive_sameEnvelopeFromEightThreads_storesOnceAndAllGetTheSameReceipt() throws Exception {
        VerifiedEnvelope verified = keys.receivedByRed(keys.blueMessage(clock, Precedence.IMMEDIATE, "race"));
        List<Callable<Received>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> store.receive(verified, stored -> keys.redReceipt(clock, stored)));
        }

        List<Received> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Received> result : threads.invokeAll(calls)) {
                results.add(result.get());
            }
        }

        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(results)
                .extracting(Received::receipt)
                .containsOnly(results.get(0).receipt());
        assertThat(count("inbox")).isEqualTo(1);
    }

    @Test
    void receiveAll_batchWithRepeatsAndAnEarlierEnvelope_storesEachOnceAndGivesOriginalReceipts() {
        VerifiedEnvelope earlier = keys.receivedByRed(keys.blueMessage(clock, Precedence.FLASH, "earlier"));
        Received before = store.receive(earlier, stored -> keys.redReceipt(clock, stored));
        VerifiedEnvelope a = keys.receivedByRed(keys.blueMessage(clock, Precedence.ROUTINE, "a"));
        VerifiedEnvelope b = keys.receivedByRed(keys.blueMessage(clock, Precedence.PRIORITY, "b"));
        List<List<InboxEntry>> calls = new ArrayList<>();
        clock.advance(Duration.ofSeconds(5));

        List<Received> results = store.receiveAll(List.of(a, earlier, b, a), stored -> {
            calls.add(List.copyOf(stored));
            return stored.stream().map(row -> keys.redReceipt(clock, row)).toList();
        });

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0))
                .extracting(InboxEntry::id)
                .containsExactly(a.envelope().id(), b.envelope().id());
        assertThat(results).extracting(Received::duplicate).containsExactly(false, true, false, true);
        assertThat(results.get(1).entry()).isEqualTo(before.entry());
        assertThat(results.get(1).receipt()).isEqualTo(before.receipt());
        assertThat(results.get(3).receipt()).isEqualTo(results.get(0).receipt());
        assertThat(results.get(3).entry()).isEqualTo(results.get(0).entry());
        assertThat(store.receipt(Direction.SENT, BLUE, b.envelope().id()))
                .contains(results.get(2).receipt());
        assertThat(count("inbox")).isEqualTo(3);
        assertThat(count("receipts")).isEqualTo(3);
    }

    @Test
    void receiveAll_receiptMakerFails_storesNothing() {
        VerifiedEnvelope a = keys.receivedByRed(keys.blueMessage(clock, Precedence.ROUTINE, "a"));
        VerifiedEnvelope b = keys.receivedByRed(keys.blueMessage(clock, Precedence.ROUTINE, "b"));

        assertThatThrownBy(() -> store.receiveAll(List.of(a, b), stored -> {
                    throw new IllegalStateException("signing key unavailable");
                }))
                .hasMessageContaining("signing key unavailable");
        assertThat(count("inbox")).isZero();
        assertThat(count("receipts")).isZero();
    }

    @Test
    void markAllDelivered_matchingReceipts_marksAllInOneGo() {
        OutboxEntry first = store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "one"));
        OutboxEntry second = store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "two"));

        List<OutboxEntry> delivered = store.markAllDelivered(List.of(
                new Store.Delivery(
                        first.id(), receiptAtPeer(first, first.signed().sha256Hex())),
                new Store.Delivery(
                        second.id(), receiptAtPeer(second, second.signed().sha256Hex()))));

        assertThat(delivered).extracting(OutboxEntry::id).containsExactly(first.id(), second.id());
        assertThat(delivered).extracting(OutboxEntry::status).containsOnly(OutboxEntry.Status.DELIVERED);
        assertThat(store.due(10)).isEmpty();
        assertThat(count("receipts")).isEqualTo(2);
    }

    @Test
    void markAllDelivered_oneReceiptQuotingAnotherHash_marksNone() {
        OutboxEntry good = store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "good"));
        OutboxEntry bad = store.enqueue(keys.blueMessage(clock, Precedence.ROUTINE, "bad"));

        assertThatThrownBy(() -> store.markAllDelivered(List.of(
                        new Store.Delivery(
                                good.id(), receiptAtPeer(good, good.signed().sha256Hex())),
                        new Store.Delivery(
                                bad.id(), receiptAtPeer(bad, good.signed().sha256Hex())))))
                .hasMessageContaining("quotes hash");
        assertThat(store.due(10)).extracting(OutboxEntry::id).containsExactlyInAnyOrder(good.id(), bad.id());
        assertThat(count("receipts")).isZero();
    }

    /** RED's verified receipt for our outbox entry, quoting {@code sha256Hex}. */
    private VerifiedEnvelope receiptAtPeer(OutboxEntry entry, String sha256Hex) {
        InboxEntry atPeer = new InboxEntry(
                BLUE,
                entry.id(),
                entry.precedence(),
                entry.category(),
                entry.created(),
                clock.instant(),
                entry.signed(),
                sha256Hex);
        return keys.blueVerifier.verify(keys.redReceipt(clock, atPeer));
    }

    @Test
    void due_mixedPrecedence_servesFlashFirstThenOldest() {
        SignedEnvelope routine = keys.blueMessage(clock, Precedence.ROUTINE, "old routine");
        clock.advance(Duration.ofSeconds(1));
        SignedEnvelope priority = keys.blueMessage(clock, Precedence.PRIORITY, "priority");
        clock.advance(Duration.ofSeconds(1));
        SignedEnvelope flash = keys.blueMessage(clock, Precedence.FLASH, "new flash");
        store.enqueue(routine);
        store.enqueue(priority);
        store.enqueue(flash);

        List<OutboxEntry> due = store.due(10);

        assertThat(due)
                .extracting(OutboxEntry::precedence)
                .containsExactly(Precedence.FLASH, Precedence.PRIORITY, Precedence.ROUTINE);
        assertThat(due.get(0).signed()).isEqualTo(flash);
    }

    @Test
    void dueFlash_mixedPrecedence_servesOnlyFlashOldestFirst() {
        SignedEnvelope routine = keys.blueMessage(clock, Precedence.ROUTINE, "old routine");
        clock.advance(Duration.ofSeconds(1));
        SignedEnvelope firstFlash = keys.blueMessage(clock, Precedence.FLASH, "first flash");
        clock.advance(Duration.ofSeconds(1));
        SignedEnvelope immediate = keys.blueMessage(clock, Precedence.IMMEDIATE, "immediate");
        clock.advance(Duration.ofSeconds(1));
        SignedEnvelope secondFlash = keys.blueMessage(clock, Precedence.FLASH, "second flash");
        store.enqueueAll(List.of(secondFlash, routine, immediate, firstFlash));

        assertThat(store.dueFlash(10)).extracting(OutboxEntry::signed).containsExactly(firstFlash, secondFlash);
        assertThat(store.dueFlash(1)).extracting(OutboxEntry::signed).containsExactly(firstFlash);
        assertThat(store.safetyLane().dueFlash(10)).hasSize(2);
    }

    @Test
    void due_clockSteppedBackAnHourAfterEnqueue_entriesStillDue() {
        SignedEnvelope routine = keys.blueMessage(clock, Precedence.ROUTINE, "queued before the step");
        SignedEnvelope flash = keys.blueMessage(clock, Precedence.FLASH, "flash before the step");
        store.enqueueAll(List.of(routine, flash));

        clock.set(clock.instant().minus(Duration.ofHours(1)));

        assertThat(store.due(10)).extracting(OutboxEntry::signed).containsExactly(flash, routine);
        assertThat(store.dueFlash(10)).extracting(OutboxEntry::signed).containsExactly(flash);
    }

    @Test
    void due_clockSteppedBackAfterFailedAttempt_dueWhenTheWaitCannotBeABackoff() {
        SignedEnvelope flash = keys.blueMessage(clock, Precedence.FLASH, "retried");
        OutboxEntry entry = store.enqueue(flash);
        store.recordFailedAttempt(entry.id(), clock.instant().plusSeconds(2), "peer unreachable");
        assertThat(store.dueFlash(10)).as("within its backoff").isEmpty();

        clock.set(clock.instant().minus(Duration.ofMinutes(5)));
        assertThat(store.dueFlash(10))
                .as("5 min back: the wait, 5 min and 2 s, may still be a backoff")
                .isEmpty();

        clock.set(clock.instant().minus(Duration.ofMinutes(55)));
        assertThat(store.dueFlash(10))
                .as("an hour back")
                .extracting(OutboxEntry::signed)
                .containsExactly(flash);
        assertThat(store.due(10)).extracting(OutboxEntry::signed).containsExactly(flash);
    }

    @Test
    void outbox_pendingAndDelivered_listsAllOldestFirst() {
        SignedEnvelope first = keys.blueMessage(clock, Precedence.ROUTINE, "first");
        clock.advance(Duration.ofSeconds(1));
        SignedEnvelope second = keys.blueMessage(clock, Precedence.FLASH, "second");
        store.enqueue(second);
        store.enqueue(first);

        assertThat(store.outbox(0, 10)).extracting(OutboxEntry::signed).containsExactly(first, second);
        assertThat(store.outbox(1, 10)).extracting(OutboxEntry::signed).containsExactly(second);
        assertThat(store.outbox(0, 1)).hasSize(1);
    }

    @Test
    void recordFailedAttempt_retryLater_isNotDueUntilThen() {
        OutboxEntry entry = store.enqueue(keys.blueMessage(clock, Precedence.FLASH, "retry me"));

        OutboxEntry failed =
                store.recordFailedAttempt(entry.id(), clock.instant().plusSeconds(30), "connection refused");

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("connection refused");
        assertThat(store.due(10)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(store.due(10)).extracting(OutboxEntry::id).containsExactly(entry.id());
    }

    @Test
    void enqueue_sameEnvelopeTwice_keepsOneEntry() {
        SignedEnvelope signed = keys.blueMessage(clock, Precedence.ROUTINE, "once");

        OutboxEntry first = store.enqueue(signed);
        store.recordFailedAttempt(first.id(), clock.instant(), "timeout");
        OutboxEntry second = store.enqueue(signed);

        assertThat(second.attempts()).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
    }

    @Test
    void enqueue_onTheSafetyLane_entryAsReadBackAndDue() {
        SignedEnvelope flash = keys.blueMessage(clock, Precedence.FLASH, "on the safety lane");

        OutboxEntry entry = store.safetyLane().enqueue(flash);

        assertThat(entry.signed()).isEqualTo(flash);
        assertThat(entry.precedence()).isEqualTo(Precedence.FLASH);
        assertThat(entry.attempts()).isZero();
        assertThat(store.outboxEntry(entry.id())).contains(entry);
        assertThat(store.dueFlash(10)).containsExactly(entry);
        assertThat(store.safetyLane().enqueue(flash))
                .as("a resend keeps its row")
                .isEqualTo(entry);
        assertThat(count("outbox")).isEqualTo(1);
    }

    @Test
    void enqueueAll_batchWithAnInvalidEnvelope_storesNone() {
        SignedEnvelope good = keys.blueMessage(clock, Precedence.ROUTINE, "good");
        SignedEnvelope bad = new SignedEnvelope(
                org.parley.wire.CanonicalBytes.of("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                good.signature());

        assertThatThrownBy(() -> store.enqueueAll(List.of(good, bad))).isInstanceOf(IllegalArgumentException.class);
        assertThat(count("outbox")).isZero();
    }

    @Test
    void enqueueAll_batch_storesAllInOrder() {
        List<SignedEnvelope> batch = List.of(
                keys.blueMessage(clock, Precedence.ROUTINE, "a"), keys.blueMessage(clock, Precedence.FLASH, "b"));

        List<OutboxEntry> entries = store.enqueueAll(batch);

        assertThat(entries).extracting(OutboxEntry::signed).containsExactlyElementsOf(batch);
        assertThat(count("outbox")).isEqualTo(2);
    }

    @Test
    void markDelivered_matchingReceipt_storesItAndStopsRetries() {
        SignedEnvelope signed = keys.blueMessage(clock, Precedence.FLASH, "deliver");
        OutboxEntry entry = store.enqueue(signed);
        // The peer's node stores it and signs a receipt (simulated here with RED's keys).
        VerifiedEnvelope receipt = receiptAtPeer(entry, signed.sha256Hex());

        OutboxEntry delivered = store.markDelivered(entry.id(), receipt);

        assertThat(delivered.status()).isEqualTo(OutboxEntry.Status.DELIVERED);
        assertThat(store.due(10)).isEmpty();
        assertThat(store.receipt(Direction.RECEIVED, BLUE, entry.id())).contains(receipt.signed());
    }

    @Test
    void markDelivered_receiptQuotingAnotherHash_isRefused() {
        SignedEnvelope signed = keys.blueMessage(clock, Precedence.FLASH, "deliver");
        SignedEnvelope other = keys.blueMessage(clock, Precedence.FLASH, "something else");
        OutboxEntry entry = store.enqueue(signed);
        VerifiedEnvelope receipt = receiptAtPeer(entry, other.sha256Hex());

        assertThatThrownBy(() -> store.markDelivered(entry.id(), receipt)).hasMessageContaining("quotes hash");
        assertThat(store.outboxEntry(entry.id()).orElseThrow().status()).isEqualTo(OutboxEntry.Status.PENDING);
    }

    @Test
    void recordAck_sameAckTwice_keepsTheFirst() {
        SignedEnvelope message = keys.blueMessage(clock, Precedence.FLASH, "ack me");
        var id = keys.receivedByRed(message).envelope().id();
        SignedEnvelope ack = keys.redAck(clock, id, "watch-officer");
        clock.advance(Duration.ofMinutes(1));
        SignedEnvelope later = keys.redAck(clock, id, "captain");

        StoredAck first = store.recordAck(Direction.RECEIVED, ack);
        StoredAck second = store.recordAck(Direction.RECEIVED, later);

        assertThat(second).isEqualTo(first);
        assertThat(first.role()).isEqualTo("watch-officer");
        assertThat(store.ack(Direction.RECEIVED, BLUE, id)).contains(first);
    }

    @Test
    void forEachSigned_outboxReceiptAndAck_eachRowOnceAsStoredAndNamed() {
        SignedEnvelope signed = keys.blueMessage(clock, Precedence.FLASH, "audit me");
        OutboxEntry entry = store.enqueue(signed);
        VerifiedEnvelope receipt = receiptAtPeer(entry, signed.sha256Hex());
        store.markDelivered(entry.id(), receipt);
        SignedEnvelope ack = keys.redAck(clock, entry.id(), "watch-officer");
        store.recordAck(Direction.RECEIVED, ack);

        List<SignedRow> rows = new ArrayList<>();
        store.forEachSigned(rows::add);

        assertThat(rows)
                .extracting(SignedRow::table)
                .containsExactly(
                        SignedRow.Table.OUTBOX, SignedRow.Table.RECEIPT_RECEIVED, SignedRow.Table.ACK_RECEIVED);
        assertThat(rows).extracting(SignedRow::signed).containsExactly(signed, receipt.signed(), ack);
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.row()).contains(entry.id().toString()));
    }

    @Test
    void audit_events_getIncreasingSequenceNumbers() {
        AuditEvent a = store.audit("operator", "keys.trust", "RED", "pinned peer CA");
        AuditEvent b = store.audit("node", "send", "id", "queued");

        assertThat(b.seq()).isGreaterThan(a.seq());
        assertThat(store.auditLog(a.seq(), 10)).containsExactly(b);
    }

    @Test
    void leafStore_appendAtWrongIndex_isRefusedAndReadsBackInOrder() {
        var leaves = store.leafStore();
        MerkleHash first = MerkleHash.ofLeafData(new byte[] {1});
        MerkleHash second = MerkleHash.ofLeafData(new byte[] {2});
        leaves.append(0, first);
        leaves.append(1, second);

        assertThatThrownBy(() -> leaves.append(1, first))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("holds 2");
        assertThat(leaves.size()).isEqualTo(2);
        assertThat(leaves.read(0, 2)).containsExactly(first, second);
    }

    @Test
    void leafStore_appendAllBatch_storesInOrderAndFindsEachByHash() {
        var leaves = store.leafStore();
        List<MerkleHash> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(MerkleHash.ofLeafData(new byte[] {(byte) i, 7}));
        }
        leaves.append(0, batch.get(0));
        leaves.appendAll(1, batch.subList(1, 50));

        assertThat(leaves.size()).isEqualTo(50);
        assertThat(leaves.read(0, 50)).isEqualTo(batch);
        assertThat(leaves.indexOf(batch.get(37))).hasValue(37);
        assertThat(leaves.indexOf(MerkleHash.ofLeafData(new byte[] {99}))).isEmpty();
        assertThatThrownBy(() -> leaves.appendAll(49, batch.subList(0, 2)))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("holds 50");
        assertThat(leaves.size()).isEqualTo(50);
    }

    @Test
    void leafStore_rowDeletedBehindItsBack_readSaysLeavesAreMissing() {
        var leaves = store.leafStore();
        for (int i = 0; i < 4; i++) {
            leaves.append(i, MerkleHash.ofLeafData(new byte[] {(byte) i}));
        }
        ((JdbcStore) store)
                .inTransaction("tamper", c -> Sql.update(c, "DELETE FROM ledger_leaves WHERE leaf_index = 1"));

        assertThatThrownBy(() -> leaves.read(0, 4))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("leaves missing");
    }

    @Test
    void treeHeadStore_headsOfEachKind_readBackInOrderAfterReopen() {
        TreeHeadStore heads = store.treeHeadStore();
        SignedTreeHead own1 = head(3, 1);
        SignedTreeHead own2 = head(5, 2);
        CountersignedTreeHead cosigned = new CountersignedTreeHead(own1, signature(3));
        CountersignedTreeHead peer1 = new CountersignedTreeHead(head(9, 4), signature(5));
        CountersignedTreeHead peer2 = new CountersignedTreeHead(head(12, 6), signature(7));
        assertThat(heads.latestPeerHead()).isEmpty();

        heads.saveOwnHead(own1);
        heads.saveOwnHead(own2);
        heads.saveOwnCountersigned(cosigned);
        heads.savePeerHead(peer1);
        heads.savePeerHead(peer2);
        store.close();
        store = reopen(clock);
        TreeHeadStore reopened = store.treeHeadStore();

        assertThat(reopened.ownHeads()).containsExactly(own1, own2);
        assertThat(reopened.ownCountersigned()).containsExactly(cosigned);
        assertThat(reopened.latestPeerHead()).contains(peer2);
    }

    private SignedTreeHead head(long size, int seed) {
        return new SignedTreeHead(
                new TreeHead(size, MerkleHash.ofLeafData(new byte[] {(byte) seed}), clock.instant()), signature(seed));
    }

    private static SignatureBytes signature(int seed) {
        byte[] bytes = new byte[SignatureBytes.ED25519_BYTES];
        java.util.Arrays.fill(bytes, (byte) seed);
        return SignatureBytes.of(bytes);
    }
}
