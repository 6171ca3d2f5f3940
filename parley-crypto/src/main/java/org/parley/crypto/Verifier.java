package org.parley.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.crypto.VerificationException.Reason;
import org.parley.wire.CanonicalBytes;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.KeyId;
import org.parley.wire.ParseResult;
import org.parley.wire.Party;
import org.parley.wire.Signature;
import org.parley.wire.SignedEnvelope;

/**
 * Verifies envelopes from the peer party against its pinned CA (docs/decisions.md, decision 2), over the bytes
 * as received (docs/decisions.md, decision 1). The only way to make a {@link VerifiedEnvelope}.
 *
 * <p>Checks, in order, each failing with its own {@link Reason}: the bytes are the canonical form of
 * a valid envelope; the signer key id names a known certificate; that certificate is an Ed25519
 * signing certificate issued by the pinned peer CA; it was valid when the envelope was created (so
 * envelopes signed before a rotation or expiry stay verifiable); the signature verifies; the envelope
 * is from the peer party, to this party, and the certificate belongs to the sender; the key was not
 * revoked ({@link Revocation}) before the envelope was created.
 *
 * <p>Thread-safe; certificates can be learned while verifying.
 */
public final class Verifier {
    private final Party ownParty;
    private final Party peerParty;
    private final X509Certificate peerCa;
    /**
     * Every certificate seen for each key, in the order learned: a certificate is never replaced, so
     * a peer that re-issues one of its keys cannot make its earlier envelopes unverifiable here.
     */
    private final Map<KeyId, CopyOnWriteArrayList<X509Certificate>> certificates = new ConcurrentHashMap<>();
    // Certificates whose chain to the pinned CA was already checked: saves an Ed25519 verify per envelope.
    private final Map<X509Certificate, Boolean> certified = new ConcurrentHashMap<>();
    // Public keys decoded and validated once per certificate rather than once per envelope.
    private final Map<X509Certificate, Ed25519.VerifyingKey> keys = new ConcurrentHashMap<>();
    /** Certificate serials the peer CA revoked, and from when (its revocation lists; issue 19, item 12). */
    private final Map<BigInteger, Instant> revokedSerials = new ConcurrentHashMap<>();
    /** Keys this node's operators revoked. */
    private final Map<KeyId, Revocation> revokedLocally = new ConcurrentHashMap<>();

    Verifier(Party ownParty, X509Certificate peerCa, Collection<X509Certificate> knownCertificates) {
        this.ownParty = ownParty;
        this.peerCa = peerCa;
        this.peerParty = Certificates.partyOf(peerCa)
                .orElseThrow(() -> new CryptoException(
                        "the pinned peer CA names no party (O=) in its subject: " + peerCa.getSubjectX500Principal()));
        for (X509Certificate certificate : knownCertificates) {
            keep(certificate);
        }
    }

    public Party peerParty() {
        return peerParty;
    }

    /** Verifies a received signed envelope; throws {@link VerificationException} saying what failed. */
    public VerifiedEnvelope verify(SignedEnvelope signed) {
        return verify(signed.canonical(), signed.signature());
    }

    public VerifiedEnvelope verify(CanonicalBytes bytes, Signature signature) {
        Envelope envelope = switch (EnvelopeCodec.parse(bytes)) {
            case ParseResult.Parsed<Envelope> parsed -> parsed.value();
            case ParseResult.Rejected<Envelope> rejected ->
                throw new VerificationException(Reason.MALFORMED, rejected.reason());
        };
        List<X509Certificate> known = certificates.getOrDefault(envelope.signer(), new CopyOnWriteArrayList<>());
        if (known.isEmpty()) {
            throw new VerificationException(
                    Reason.UNKNOWN_KEY,
                    "no certificate is known for signer key " + envelope.signer() + " of envelope " + envelope.id()
                            + "; ask " + envelope.from() + " for its signing certificate and add it with learn()");
        }
        X509Certificate certificate = certifiedAt(known, envelope.created());
        checkSignature(bytes, signature, certificate, envelope);
        checkParties(envelope, certificate);
        checkNotRevoked(envelope, known);
        return new VerifiedEnvelope(new SignedEnvelope(bytes, signature), envelope, certificate);
    }

    /**
     * Adds a peer signing certificate (e.g. after a rotation) if it is certified by the pinned peer
     * CA; returns its key id.
     */
    public KeyId learn(X509Certificate certificate) {
        checkCertified(certificate);
        return keep(certificate);
    }

    private KeyId keep(X509Certificate certificate) {
        KeyId id = Certificates.keyId(certificate.getPublicKey());
        certificates.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).addIfAbsent(certificate);
        return id;
    }

    /**
     * The first of a key's certificates that is certified by the pinned CA and was valid at {@code
     * created}; else the failure of the first one, which says why.
     */
    private X509Certificate certifiedAt(List<X509Certificate> known, Instant created) {
        VerificationException first = null;
        for (X509Certificate candidate : known) {
            try {
                checkCertified(candidate);
                checkValidAt(candidate, created);
                return candidate;
            } catch (VerificationException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw java.util.Objects.requireNonNull(first);
    }

    /**
     * Learns a revocation list (RFC 5280 CRL, PEM or DER) issued and signed by the pinned peer CA;
     * returns the revocations of known keys that it adds or moves earlier (empty when it says
     * nothing new). A list that is not the peer CA's is refused with a {@link VerificationException}.
     */
    public List<Revocation> learnRevocationList(byte[] pemOrDer) {
        java.security.cert.X509CRL list;
        try {
            list = RevocationLists.parse(pemOrDer);
        } catch (CryptoException e) {
            throw new VerificationException(Reason.MALFORMED, String.valueOf(e.getMessage()));
        }
        List<Revocation> added = new java.util.ArrayList<>();
        RevocationLists.entriesSignedBy(list, peerCa).forEach((serial, from) -> {
            Instant before = revokedSerials.get(serial);
            if (before == null || from.isBefore(before)) {
                revokedSerials.put(serial, from);
                keyOfSerial(serial)
                        .ifPresent(key -> added.add(new Revocation(
                                key, from, Revocation.Source.PEER_CA, "revoked by the " + peerParty + " party CA")));
            }
        });
        return added;
    }

    /** Revokes a peer key by this node's decision (kept by the caller); the earliest instant wins. */
    public void revoke(Revocation revocation) {
        revokedLocally.merge(
                revocation.keyId(), revocation, (a, b) -> a.revokedAt().isAfter(b.revokedAt()) ? b : a);
    }

    /** Every revocation this verifier honours, of keys it knows, earliest first. */
    public List<Revocation> revocations() {
        List<Revocation> all = new java.util.ArrayList<>(revokedLocally.values());
        for (KeyId key : certificates.keySet()) {
            revokedByCa(certificates.getOrDefault(key, new CopyOnWriteArrayList<>()))
                    .ifPresent(from -> all.add(new Revocation(
                            key, from, Revocation.Source.PEER_CA, "revoked by the " + peerParty + " party CA")));
        }
        all.sort(java.util.Comparator.comparing(Revocation::revokedAt));
        return all;
    }

    private Optional<KeyId> keyOfSerial(BigInteger serial) {
        for (var entry : certificates.entrySet()) {
            for (X509Certificate certificate : entry.getValue()) {
                if (certificate.getSerialNumber().equals(serial)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The earliest instant from which the CA revoked any certificate of one key. */
    private Optional<Instant> revokedByCa(List<X509Certificate> known) {
        Instant earliest = null;
        for (X509Certificate certificate : known) {
            Instant from = revokedSerials.get(certificate.getSerialNumber());
            if (from != null && (earliest == null || from.isBefore(earliest))) {
                earliest = from;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * Refuses an envelope created at or after its key's revocation; one created before stays valid,
     * so proofs of earlier messages still verify. Free when nothing is revoked (the common case).
     */
    private void checkNotRevoked(Envelope envelope, List<X509Certificate> known) {
        if (revokedSerials.isEmpty() && revokedLocally.isEmpty()) {
            return;
        }
        Optional<Instant> byCa = revokedByCa(known);
        Revocation local = revokedLocally.get(envelope.signer());
        String by = "the " + peerParty + " party CA";
        Instant from = byCa.orElse(Instant.MAX);
        if (local != null && local.revokedAt().isBefore(from)) {
            from = local.revokedAt();
            by = "this node's operators (" + local.reason() + ")";
        }
        if (!envelope.created().isBefore(from)) {
            throw new VerificationException(
                    Reason.REVOKED,
                    "signing key " + envelope.signer() + " was revoked from " + from + " by " + by + "; envelope "
                            + envelope.id() + " was created at " + envelope.created()
                            + " (envelopes it signed before then still verify)");
        }
    }

    /** Parses a PEM or DER certificate and {@link #learn(X509Certificate) learns} it. */
    public KeyId learn(byte[] pemOrDer) {
        X509Certificate certificate;
        try {
            certificate = KeyFiles.parseCertificate(pemOrDer);
        } catch (CryptoException e) {
            throw new VerificationException(Reason.NOT_CERTIFIED, String.valueOf(e.getMessage()));
        }
        return learn(certificate);
    }

    /** A known peer signing certificate: kept by the node so proof bundles can be made offline later. */
    public Optional<X509Certificate> peerSigningCertificate(KeyId keyId) {
        List<X509Certificate> known = certificates.get(keyId);
        return known == null ? Optional.empty() : known.stream().findFirst();
    }

    /** The public key of a known, certified peer signing key: for tree-head signatures in parley-ledger. */
    public Optional<PublicKey> peerSigningKey(KeyId keyId) {
        return peerSigningCertificate(keyId).map(X509Certificate::getPublicKey);
    }

    private void checkCertified(X509Certificate certificate) {
        if (certified.containsKey(certificate)) {
            return;
        }
        checkChain(certificate);
        certified.put(certificate, Boolean.TRUE);
    }

    private void checkChain(X509Certificate certificate) {
        KeyId id = Certificates.keyId(certificate.getPublicKey());
        if (!certificate.getIssuerX500Principal().equals(peerCa.getSubjectX500Principal())) {
            throw new VerificationException(
                    Reason.NOT_CERTIFIED,
                    "signing key " + id + " was issued by "
                            + certificate.getIssuerX500Principal() + ", not by the pinned peer CA "
                            + peerCa.getSubjectX500Principal());
        }
        try {
            certificate.verify(peerCa.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new VerificationException(
                    Reason.NOT_CERTIFIED,
                    "the certificate of signing key " + id + " is not signed by the pinned peer CA "
                            + Fingerprint.of(peerCa) + " (" + e.getMessage() + ")");
        }
        boolean[] usage = certificate.getKeyUsage();
        boolean signing = usage != null && usage[0] && certificate.getBasicConstraints() < 0;
        if (!signing || !isEd25519(certificate.getPublicKey())) {
            throw new VerificationException(
                    Reason.NOT_CERTIFIED,
                    "the certificate of key " + id
                            + " is not an Ed25519 envelope-signing certificate (CA or TLS certificates cannot sign envelopes)");
        }
    }

    private static boolean isEd25519(PublicKey key) {
        return key.getAlgorithm().equals("EdDSA") || key.getAlgorithm().equals("Ed25519");
    }

    private static void checkValidAt(X509Certificate certificate, Instant created) {
        KeyId id = Certificates.keyId(certificate.getPublicKey());
        try {
            certificate.checkValidity(Date.from(created));
        } catch (CertificateExpiredException e) {
            throw new VerificationException(
                    Reason.CERTIFICATE_EXPIRED,
                    "signing key " + id + " expired at "
                            + certificate.getNotAfter().toInstant() + ", before the envelope was created at "
                            + created);
        } catch (CertificateNotYetValidException e) {
            throw new VerificationException(
                    Reason.CERTIFICATE_NOT_YET_VALID,
                    "signing key " + id
                            + " is valid only from "
                            + certificate.getNotBefore().toInstant() + ", after the envelope was created at "
                            + created);
        }
    }

    private void checkSignature(
            CanonicalBytes bytes, Signature signature, X509Certificate certificate, Envelope envelope) {
        boolean valid;
        try {
            valid = keys.computeIfAbsent(certificate, c -> Ed25519.VerifyingKey.of(c.getPublicKey()))
                    .verify(Signer.signingInput(bytes), signature.toByteArray());
        } catch (CryptoException e) {
            valid = false; // a public key that does not decode verifies nothing
        }
        if (!valid) {
            throw new VerificationException(
                    Reason.BAD_SIGNATURE,
                    "the Ed25519 signature on envelope " + envelope.id()
                            + " does not verify with key " + envelope.signer()
                            + ": the bytes or the signature were changed after signing");
        }
    }

    private void checkParties(Envelope envelope, X509Certificate certificate) {
        Party certified = Certificates.partyOf(certificate).orElse(peerParty);
        if (!envelope.from().equals(peerParty) || !certified.equals(envelope.from())) {
            throw new VerificationException(
                    Reason.WRONG_PARTY,
                    "envelope " + envelope.id() + " claims to be from " + envelope.from()
                            + " but is signed by a key of " + certified + " (pinned peer is " + peerParty + ")");
        }
        if (!envelope.to().equals(ownParty)) {
            throw new VerificationException(
                    Reason.WRONG_PARTY,
                    "envelope " + envelope.id() + " is addressed to " + envelope.to() + ", not to this party "
                            + ownParty);
        }
    }
}
