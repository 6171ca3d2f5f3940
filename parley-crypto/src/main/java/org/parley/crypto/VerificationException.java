package org.parley.crypto;

/**
 * An envelope failed verification. {@link #reason()} says which check failed, the message says what
 * exactly, so the receiver can answer the sender precisely and the operator can fix trust.
 */
public final class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which check failed. */
    public enum Reason {
        /** The bytes are not a well-formed envelope in RFC 8785 canonical form. */
        MALFORMED,
        /** No certificate is known for the envelope's signer key id. */
        UNKNOWN_KEY,
        /** The signer's certificate does not chain to the pinned peer CA, or is not a signing certificate. */
        NOT_CERTIFIED,
        /** The signer's certificate had expired when the envelope was created. */
        CERTIFICATE_EXPIRED,
        /** The signer's certificate was not yet valid when the envelope was created. */
        CERTIFICATE_NOT_YET_VALID,
        /** From/to do not match the peer party and this node's party. */
        WRONG_PARTY,
        /** The Ed25519 signature does not verify over the received bytes. */
        BAD_SIGNATURE,
        /** The signing key was revoked before the envelope was created (issue 19, item 12). */
        REVOKED
    }

    private final Reason reason;

    VerificationException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
