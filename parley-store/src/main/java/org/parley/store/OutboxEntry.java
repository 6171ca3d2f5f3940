package org.parley.store;

import java.time.Instant;
import java.util.Optional;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/** One of our envelopes in the outbox. */
public record OutboxEntry(
        EnvelopeId id,
        Party to,
        Precedence precedence,
        Category category,
        Instant created,
        SignedEnvelope signed,
        Status status,
        int attempts,
        Instant nextAttempt,
        Optional<String> lastError,
        Optional<Instant> delivered) {

    public OutboxEntry {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0: " + attempts);
        }
    }

    /** Delivery state. */
    public enum Status {
        /** Not yet receipted by the peer: retry with the same id. */
        PENDING,
        /** The peer's signed receipt is stored. */
        DELIVERED
    }
}
