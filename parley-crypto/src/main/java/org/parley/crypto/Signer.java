package org.parley.crypto;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.parley.wire.CanonicalBytes;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import org.parley.wire.Signature;
import org.parley.wire.SignedEnvelope;

/**
 * Signs envelopes with this party's current Ed25519 signing key (never the TLS key, docs/decisions.md,
 * decision 2). The signed message is {@code "parley/v1/envelope\n" || canonical bytes} (docs/decisions.md, decision 1),
 * so an envelope signature can never be replayed as a signature over anything else.
 */
public final class Signer {
    /** The domain-separation prefix of every envelope signature. */
    public static final String DOMAIN = "parley/v1/envelope\n";

    private final Party party;
    private final KeyId keyId;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Ed25519.SigningKey raw;

    Signer(Party party, PrivateKey key, X509Certificate certificate) {
        this.party = party;
        this.key = key;
        this.certificate = certificate;
        this.keyId = Certificates.keyId(certificate.getPublicKey());
        this.raw = Ed25519.SigningKey.of(key);
        // A key file paired with the wrong certificate would sign envelopes no peer can verify.
        if (!java.security.MessageDigest.isEqual(
                raw.publicKey(), Ed25519.VerifyingKey.rawOf(certificate.getPublicKey()))) {
            throw new CryptoException("the private key of signing key " + keyId + " does not match its certificate");
        }
    }

    public Party party() {
        return party;
    }

    /** Put this in {@link Envelope.Builder#signer}. */
    public KeyId keyId() {
        return keyId;
    }

    /** The signing certificate, PEM, to give to the peer so it can verify (it chains to our CA). */
    public String certificatePem() {
        return KeyFiles.pem(certificate);
    }

    /** Canonicalizes and signs; the envelope must name this party as sender and this key as signer. */
    public SignedEnvelope sign(Envelope envelope) {
        if (!envelope.from().equals(party)) {
            throw new IllegalArgumentException("envelope is from " + envelope.from() + " but this signer is " + party);
        }
        if (!envelope.signer().equals(keyId)) {
            throw new IllegalArgumentException(
                    "envelope names signer " + envelope.signer() + " but this key is " + keyId);
        }
        CanonicalBytes canonical = EnvelopeCodec.canonicalBytes(envelope);
        return new SignedEnvelope(canonical, Signature.of(sign(signingInput(canonical))));
    }

    static byte[] signingInput(CanonicalBytes canonical) {
        byte[] domain = DOMAIN.getBytes(StandardCharsets.US_ASCII);
        byte[] body = canonical.toByteArray();
        byte[] input = new byte[domain.length + body.length];
        System.arraycopy(domain, 0, input, 0, domain.length);
        System.arraycopy(body, 0, input, domain.length, body.length);
        return input;
    }

    private byte[] sign(byte[] input) {
        return raw.sign(input);
    }

    /**
     * The private key, for parley-ledger's tree-head signatures, which use their own domain label.
     * Nothing else should need it.
     */
    public PrivateKey privateKeyForLedger() {
        return key;
    }
}
