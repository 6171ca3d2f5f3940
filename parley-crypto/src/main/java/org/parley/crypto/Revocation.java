package org.parley.crypto;

import java.time.Instant;
import org.parley.wire.KeyId;

/**
 * A peer signing key withdrawn from {@code revokedAt} on (issue 19, item 12): the verifier refuses
 * envelopes signed with it and created at or after that instant; envelopes created before it still
 * verify, so earlier evidence stands. {@code source} says who decided: the peer's party CA (a
 * revocation list it signed) or this node's operators.
 */
public record Revocation(KeyId keyId, Instant revokedAt, Source source, String reason) {
    /** Who revoked the key. */
    public enum Source {
        /** A certificate revocation list (RFC 5280 §5) signed by the peer's pinned party CA. */
        PEER_CA,
        /** A decision of this node's operators (an ADMIN, audited). */
        LOCAL
    }

    public Revocation {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a revocation needs a reason (e.g. 'key compromise')");
        }
        if (reason.length() > 500) {
            throw new IllegalArgumentException("a revocation reason may be at most 500 characters");
        }
    }
}
