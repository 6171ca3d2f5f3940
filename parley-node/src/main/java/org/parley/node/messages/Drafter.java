package org.parley.node.messages;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import org.parley.crypto.Signer;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.SignedEnvelope;

/**
 * Drafts and signs this party's envelopes to the peer: from, to and signer key are set once here,
 * so no service can send in another party's name or forget to sign.
 */
public final class Drafter {
    private final Party own;
    private final Party peer;
    private final Signer signer;
    private final InstantSource clock;
    private final SecureRandom random;

    public Drafter(Party own, Party peer, Signer signer, InstantSource clock, SecureRandom random) {
        if (own.equals(peer)) {
            throw new IllegalArgumentException("own party and peer must differ: " + own);
        }
        this.own = own;
        this.peer = peer;
        this.signer = signer;
        this.clock = clock;
        this.random = random;
    }

    /** A builder with from, to and the signer key set; the caller adds precedence, category, payload. */
    Envelope.Builder draft() {
        return Envelope.builder(clock, random).from(own).to(peer).signer(signer.keyId());
    }

    SignedEnvelope sign(Envelope envelope) {
        return signer.sign(envelope);
    }

    Party own() {
        return own;
    }

    Party peer() {
        return peer;
    }

    Instant now() {
        return clock.instant();
    }

    /** Fresh random bytes (link-test nonces). */
    byte[] nonce(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
