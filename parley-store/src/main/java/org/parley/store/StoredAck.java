package org.parley.store;

import java.time.Instant;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.SignedEnvelope;

/** A stored, signed acknowledgment of the envelope {@code envelopeId} sent by {@code sender}. */
public record StoredAck(
        Direction direction,
        Party sender,
        EnvelopeId envelopeId,
        String role,
        Instant acknowledged,
        SignedEnvelope ack) {}
