package org.parley.federation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.Revocation;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.wire.EnvelopeId;

/** What the node hears from federation; called on federation threads, so keep it quick. */
public interface FederationListener {
    /**
     * Whether a verified envelope from the peer may be accepted now; called before it is stored.
     * A reason (e.g. its category is suspended by a channel notice) goes back to the sender in the
     * batch answer and nothing is stored; the sender's node retries later. Empty accepts it.
     */
    default Optional<String> refusal(VerifiedEnvelope envelope) {
        return Optional.empty();
    }

    /** A new envelope from the peer was stored (never called for a duplicate). */
    default void received(VerifiedEnvelope envelope) {}

    /** The peer's signed receipt for one of ours was verified and stored. */
    default void delivered(EnvelopeId id, VerifiedEnvelope receipt) {}

    /** The link alarm was raised or cleared. */
    default void link(LinkEvent event) {}

    /** An outbound FLASH has waited too long for its receipt, or failed too often (once per envelope). */
    default void flashOverdue(FlashOverdue overdue) {}

    /** A delivery loop stopped coming round (its lane's envelopes wait) or came round again. */
    default void delivery(DeliveryStall event) {}

    /**
     * {@code count} frames or certificates of one batch from the peer were refused for one kind of
     * reason (forged, malformed, too old); already logged and audited, once per batch and kind, so
     * a batch of junk raises one alarm, not one per frame.
     */
    default void refused(int count, String reason) {}

    /**
     * A verified envelope from the peer is dated {@code ahead} in the future of this node's clock
     * (more than a few minutes, less than the refusal bound): one of the two clocks is wrong. The
     * envelope is handled as usual; called once per such envelope, on the crypto pool's threads.
     */
    default void peerClockAhead(EnvelopeId id, Duration ahead) {}

    /**
     * The peer's CA revoked signing keys of the peer ({@code revocations}, newly honoured) by the
     * revocation list {@code pem}; the verifier refuses their envelopes created from then on. The
     * node keeps the list (so it holds after a restart) and raises an alarm.
     */
    default void peerKeysRevoked(List<Revocation> revocations, String pem) {}

    /** What the next scheduled link test carries to the peer, e.g. the node's latest signed tree head. */
    default Optional<String> linkTestAttachment() {
        return Optional.empty();
    }
}
