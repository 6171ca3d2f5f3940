package org.parley.federation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.store.Received;
import org.parley.store.Store;
import org.parley.wire.EnvelopeId;
import org.parley.wire.SignedEnvelope;

/** {@link DeliveryStore} on the node's JDBC {@link Store}. */
final class StoreDelivery implements DeliveryStore {
    private final Store store;

    StoreDelivery(Store store) {
        this.store = store;
    }

    @Override
    public List<Outbound> due(Instant now, int limit) {
        return store.due(limit).stream()
                .map(e -> new Outbound(e.id(), e.precedence(), e.signed(), e.attempts()))
                .toList();
    }

    @Override
    public List<Outbound> dueFlash(Instant now, int limit) {
        return store.dueFlash(limit).stream()
                .map(e -> new Outbound(e.id(), e.precedence(), e.signed(), e.attempts()))
                .toList();
    }

    @Override
    public void delivered(EnvelopeId id, VerifiedEnvelope receipt, Instant at) {
        store.markDelivered(id, receipt);
    }

    @Override
    public void deliveredAll(List<Delivered> receipts, Instant at) {
        store.markAllDelivered(receipts.stream()
                .map(d -> new Store.Delivery(d.id(), d.receipt()))
                .toList());
    }

    @Override
    public int retryNow() {
        return store.retryPendingNow();
    }

    @Override
    public void retryLater(EnvelopeId id, Instant nextAttempt, String lastError) {
        store.recordFailedAttempt(id, nextAttempt, lastError);
    }

    @Override
    public Accepted accept(VerifiedEnvelope envelope, Function<Instant, SignedEnvelope> receipt) {
        Received received = store.receive(envelope, stored -> receipt.apply(stored.received()));
        return new Accepted(received.receipt(), received.duplicate());
    }

    @Override
    public DeliveryStore safetyLane() {
        return new StoreDelivery(store.safetyLane());
    }

    @Override
    public List<Accepted> acceptAll(List<VerifiedEnvelope> envelopes, ReceiptSigner receipts) {
        return accepted(store.receiveAll(envelopes, rowsSigner(envelopes, receipts)));
    }

    @Override
    public List<Accepted> acceptAll(List<VerifiedEnvelope> envelopes, Instant storedAt, ReceiptSigner receipts) {
        return accepted(store.receiveAll(envelopes, storedAt, rowsSigner(envelopes, receipts)));
    }

    /**
     * The store hands back the rows it inserted; this finds the verified envelope of each (the first
     * of a repeated id is the one stored) and asks {@code receipts} to sign for them.
     */
    private static Store.BatchReceiptMaker rowsSigner(List<VerifiedEnvelope> envelopes, ReceiptSigner receipts) {
        Map<EnvelopeId, VerifiedEnvelope> byId = new HashMap<>();
        envelopes.forEach(e -> byId.putIfAbsent(e.envelope().id(), e));
        return rows -> receipts.receiptsFor(rows.stream()
                .map(row -> new Stored(Objects.requireNonNull(byId.get(row.id())), row.received()))
                .toList());
    }

    private static List<Accepted> accepted(List<Received> received) {
        return received.stream()
                .map(r -> new Accepted(r.receipt(), r.duplicate()))
                .toList();
    }

    @Override
    public Map<EnvelopeId, SignedEnvelope> storedReceipts(org.parley.wire.Party from, List<EnvelopeId> ids) {
        return store.receipts(org.parley.store.Direction.SENT, from, ids);
    }

    @Override
    public void followUpsDone(org.parley.wire.Party from, List<EnvelopeId> ids) {
        store.followUpsDone(from, ids);
    }

    @Override
    public void audit(String event, String detail) {
        store.audit("federation", event, "", detail);
    }
}
