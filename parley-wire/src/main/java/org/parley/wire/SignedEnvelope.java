package org.parley.wire;

/**
 * An envelope as it travels and is stored: its canonical bytes and the signature over them. Nothing
 * here is trusted until parley-crypto's verifier has checked it (docs/decisions.md, decision 1).
 */
public record SignedEnvelope(CanonicalBytes canonical, Signature signature) {

    /** Lower-case hex SHA-256 over the canonical bytes, a newline and the base64url signature: the frame. */
    public String sha256Hex() {
        return CanonicalBytes.of(EnvelopeCodec.frame(this)).sha256Hex();
    }
}
