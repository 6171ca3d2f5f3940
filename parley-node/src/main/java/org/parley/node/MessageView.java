package org.parley.node;

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
record MessageView(
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
        Optional<String> textZh) {

    enum Direction {
        OUTBOUND,
        INBOUND
    }

    /** Ordered as a message moves through it; OVERDUE replaces RECEIVED once the deadline passes. */
    enum Status {
        SENT,
        RECEIVED,
        OVERDUE,
        ACKNOWLEDGED
    }
}
