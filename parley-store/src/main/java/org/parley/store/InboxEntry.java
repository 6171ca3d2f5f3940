package org.parley.store;

import java.time.Instant;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * A received envelope, with the exact bytes and signature that were verified and the SHA-256 of
 * their frame (quoted in our receipt).
 */
public record InboxEntry(
        Party from,
        EnvelopeId id,
        Precedence precedence,
        Category category,
        Instant created,
        Instant received,
        SignedEnvelope signed,
        String sha256Hex) {

    /** The stored envelope, parsed from the stored bytes (which were verified before storing). */
    public Envelope envelope() {
        return EnvelopeCodec.parse(signed.canonical()).orElseThrow();
    }
}
