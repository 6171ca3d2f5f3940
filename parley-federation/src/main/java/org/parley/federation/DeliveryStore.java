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
 * The durable state delivery needs (DESIGN decision 3). Implementations commit (fsync) before they
 * return: the sender's outbox row exists before the first attempt, and the receiver's inbox row and
 * receipt exist before the receipt leaves the node.
 */
public interface DeliveryStore {

    /** An envelope waiting in the outbox. */
    record Outbound(EnvelopeId id, Precedence precedence, SignedEnvelope signed, int attempts) {}

    /** The receipt stored for an inbound envelope, and whether the envelope had been stored before. */
    record Accepted(SignedEnvelope receipt, boolean duplicate) {}

    /** Envelopes due for a first or further attempt at {@code now}: FLASH first, then oldest first. */
    List<Outbound> due(Instant now, int limit);

    /** The peer returned a verified receipt: the envelope leaves the outbox. */
    void delivered(EnvelopeId id, VerifiedEnvelope receipt, Instant at);

    /** The attempt failed; try again no earlier than {@code nextAttempt}. */
    void retryLater(EnvelopeId id, Instant nextAttempt, String lastError);

    /**
     * Stores a verified inbound envelope unless (sender party, id) is already in the inbox, in one
     * transaction with the receipt made by {@code receipt} from the storage instant; returns the stored
     * receipt, the original one for a duplicate.
     */
    Accepted accept(VerifiedEnvelope envelope, Function<Instant, SignedEnvelope> receipt);

    /** Records a refused inbound envelope or connection in the audit log. */
    void audit(String event, String detail);

    /** Delivery state kept in the node's {@link Store}. */
    static DeliveryStore on(Store store) {
        return new StoreDelivery(store);
    }
}
