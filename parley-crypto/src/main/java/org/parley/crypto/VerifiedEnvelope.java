package org.parley.crypto;

import org.parley.wire.Envelope;
import org.parley.wire.SignedEnvelope;

/**
 * An envelope whose bytes and signature passed every check of {@link Verifier}. Only the verifier
 * can make one, so code that takes a VerifiedEnvelope cannot be handed an unchecked message.
 */
public final class VerifiedEnvelope {
    private final SignedEnvelope signed;
    private final Envelope envelope;

    VerifiedEnvelope(SignedEnvelope signed, Envelope envelope) {
        this.signed = signed;
        this.envelope = envelope;
    }

    /** The exact bytes and signature that were verified: store these (DESIGN decision 1). */
    public SignedEnvelope signed() {
        return signed;
    }

    /** The envelope those bytes describe. */
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public String toString() {
        return "VerifiedEnvelope[" + envelope.id() + " from " + envelope.from() + " signer " + envelope.signer() + "]";
    }
}
