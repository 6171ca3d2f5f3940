package org.parley.crypto;

import java.security.cert.X509Certificate;
import org.parley.wire.Envelope;
import org.parley.wire.SignedEnvelope;

/**
 * An envelope whose bytes and signature passed every check of {@link Verifier}. Only the verifier
 * can make one, so code that takes a VerifiedEnvelope cannot be handed an unchecked message.
 */
public final class VerifiedEnvelope {
    private final SignedEnvelope signed;
    private final Envelope envelope;
    private final X509Certificate signerCertificate;

    VerifiedEnvelope(SignedEnvelope signed, Envelope envelope, X509Certificate signerCertificate) {
        this.signed = signed;
        this.envelope = envelope;
        this.signerCertificate = signerCertificate;
    }

    /**
     * The signing certificate the signature was checked against, certified by the pinned peer CA:
     * what a node keeps to make proof bundles offline, and the key that signs the peer's tree heads.
     */
    public X509Certificate signerCertificate() {
        return signerCertificate;
    }

    /** The exact bytes and signature that were verified: store these (docs/decisions.md, decision 1). */
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
