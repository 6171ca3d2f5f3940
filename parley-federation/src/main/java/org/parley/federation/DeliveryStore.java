package org.parley.federation;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.store.Store;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * The durable state delivery needs (docs/decisions.md, decision 3). Implementations commit (fsync) before they
 * return: the sender's outbox row exists before the first attempt, and the receiver's inbox row and
 * receipt exist before the receipt leaves the node.
 */
public interface DeliveryStore {

    /** An envelope waiting in the outbox. */
    record Outbound(EnvelopeId id, Precedence precedence, SignedEnvelope signed, int attempts) {}

    /** The receipt stored for an inbound envelope, and whether the envelope had been stored before. */
    record Accepted(SignedEnvelope receipt, boolean duplicate) {}

    /** A verified receipt from the peer for our envelope {@code id}. */
    record Delivered(EnvelopeId id, VerifiedEnvelope receipt) {}

    /** A verified inbound envelope and the instant it is being stored at (the receipt quotes it). */
    record Stored(VerifiedEnvelope envelope, Instant storedAt) {}

    /** Signs our receipts for freshly stored envelopes: one per item, in the same order. */
    @FunctionalInterface
    interface ReceiptSigner {
        List<SignedEnvelope> receiptsFor(List<Stored> stored);
    }

    /**
     * This store as the safety lane uses it (issue 20): FLASH envelopes, their receipts and inbound
     * FLASH batches are stored through it, ahead of bulk work where the database has one writer. The
     * default is this store itself.
     */
    default DeliveryStore safetyLane() {
        return this;
    }

    /** Envelopes due for a first or further attempt at {@code now}: FLASH first, then oldest first. */
    List<Outbound> due(Instant now, int limit);

    /**
     * The FLASH envelopes of {@link #due}: what the safety lane's loop takes (issue 20). A database
     * store reads only them; this default filters {@link #due}, where FLASH comes first.
     */
    default List<Outbound> dueFlash(Instant now, int limit) {
        return due(now, limit).stream()
                .filter(o -> o.precedence() == Precedence.FLASH)
                .toList();
    }

    /** The peer returned a verified receipt: the envelope leaves the outbox. */
    void delivered(EnvelopeId id, VerifiedEnvelope receipt, Instant at);

    /**
     * {@link #delivered} for a batch, all or none. This default takes one transaction per receipt;
     * a database store commits the batch once (group commit).
     */
    default void deliveredAll(List<Delivered> receipts, Instant at) {
        receipts.forEach(d -> delivered(d.id(), d.receipt(), at));
    }

    /**
     * The peer is back (an exchange with it succeeded after a failure): every entry waiting for a
     * later attempt is due now (issue 20). Returns how many were waiting.
     */
    int retryNow();

    /** The attempt failed; try again no earlier than {@code nextAttempt}. */
    void retryLater(EnvelopeId id, Instant nextAttempt, String lastError);

    /**
     * Stores a verified inbound envelope unless (sender party, id) is already in the inbox, in one
     * transaction with the receipt made by {@code receipt} from the storage instant; returns the stored
     * receipt, the original one for a duplicate.
     */
    Accepted accept(VerifiedEnvelope envelope, Function<Instant, SignedEnvelope> receipt);

    /**
     * {@link #accept} for a batch: results in batch order, a duplicate (also of an envelope earlier in
     * the batch) gets the original receipt. This default takes one transaction per envelope; a
     * database store stores the batch and its receipts in one (group commit).
     */
    default List<Accepted> acceptAll(List<VerifiedEnvelope> envelopes, ReceiptSigner receipts) {
        List<Accepted> accepted = new java.util.ArrayList<>(envelopes.size());
        for (VerifiedEnvelope envelope : envelopes) {
            accepted.add(accept(
                    envelope,
                    at -> receipts.receiptsFor(List.of(new Stored(envelope, at)))
                            .get(0)));
        }
        return accepted;
    }

    /**
     * {@link #acceptAll(List, ReceiptSigner)} with the storage instant chosen by the caller, so the
     * receipts can be signed before the transaction (issue 20). This default lets the store choose:
     * the signer then sees another instant and signs inside.
     */
    default List<Accepted> acceptAll(List<VerifiedEnvelope> envelopes, Instant storedAt, ReceiptSigner receipts) {
        return acceptAll(envelopes, receipts);
    }

    /**
     * The receipts this node already gave {@code from} for those of {@code ids} it has stored (in
     * one query): a resent envelope is answered with its original receipt before any other check
     * (issue 19, item 13).
     */
    java.util.Map<EnvelopeId, SignedEnvelope> storedReceipts(org.parley.wire.Party from, List<EnvelopeId> ids);

    /**
     * The node has handled these stored envelopes ({@link FederationListener#received} returned):
     * a store that keeps their follow-up pending durably marks it done, in one transaction per
     * batch (issue 19, item 3). Nothing to do for a store without follow-ups.
     */
    default void followUpsDone(org.parley.wire.Party from, List<EnvelopeId> ids) {}

    /** Records a refused inbound envelope or connection in the audit log. */
    void audit(String event, String detail);

    /** Delivery state kept in the node's {@link Store}. */
    static DeliveryStore on(Store store) {
        return new StoreDelivery(store);
    }
}
