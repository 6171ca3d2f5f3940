package org.parley.node.messages;

import java.time.Instant;
import java.util.Optional;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Precedence;

/**
 * One message as operators see it, the same on both nodes: sent, received (the peer's receipt is
 * stored), acknowledged (by which role, when) or overdue (its ack deadline passed without one).
 * A phrasebook message is rendered in English in {@code text} and in Chinese in {@code textZh}, so
 * each side reads it in its own language; free text attached to it is marked untranslated.
 */
public record MessageView(
        EnvelopeId id,
        Direction direction,
        Party from,
        Party to,
        Precedence precedence,
        Category category,
        Instant created,
        String text,
        Status status,
        Optional<Instant> receivedAt,
        Optional<String> acknowledgedBy,
        Optional<Instant> acknowledgedAt,
        Instant ackDeadline,
        Optional<String> responsibleRole,
        Optional<String> textZh,
        Optional<Delivery> delivery,
        boolean emergency) {

    /**
     * How delivery of an outbound message is going: attempts so far, when the next one is due and
     * why the last one failed. A message stuck at SENT says here what is wrong (peer down, refused
     * and why), so the duty officer need not read the node log.
     */
    public record Delivery(int attempts, Instant nextAttempt, Optional<String> lastError) {
        public Delivery {
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must be >= 0: " + attempts);
            }
        }
    }

    public enum Direction {
        OUTBOUND,
        INBOUND
    }

    /** Ordered as a message moves through it; OVERDUE replaces RECEIVED once the deadline passes. */
    public enum Status {
        SENT,
        RECEIVED,
        OVERDUE,
        ACKNOWLEDGED
    }
}
