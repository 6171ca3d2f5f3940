package org.parley.crypto;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A party CA's statement that some of its signing certificates are revoked: an X.509 certificate
 * revocation list (RFC 5280 §5), signed with the CA's Ed25519 key, each entry a certificate serial
 * and the instant from which it is revoked (reason keyCompromise, RFC 5280 §5.3.1). A standard form,
 * so the other party can check one with any X.509 tool ({@code openssl crl -verify}).
 */
final class RevocationLists {
    private static final String PEM_BEGIN = "-----BEGIN X509 CRL-----";
    private static final String PEM_END = "-----END X509 CRL-----";

    private RevocationLists() {}

    /** A list naming every serial in {@code revoked} from its instant, issued now by {@code ca}. */
    static X509CRL issue(X509Certificate ca, PrivateKey caKey, Map<BigInteger, Instant> revoked, Instant now) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(now));
        revoked.forEach((serial, from) -> builder.addCRLEntry(serial, Date.from(from), CRLReason.keyCompromise));
        try {
            return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("Ed25519").build(caKey)));
        } catch (OperatorCreationException | CRLException e) {
            throw new CryptoException("cannot sign the revocation list: " + e.getMessage(), e);
        }
    }

    /** Parses a PEM or DER list; a clear error if it is not one. */
    static X509CRL parse(byte[] pemOrDer) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(pemOrDer));
        } catch (CertificateException | CRLException | RuntimeException e) {
            throw new CryptoException("not an X.509 revocation list (PEM or DER): " + e.getMessage(), e);
        }
    }

    /**
     * The list's entries (serial -> revoked from), once it is checked to be issued and signed by
     * {@code ca}; else a {@link VerificationException} that says which.
     */
    static Map<BigInteger, Instant> entriesSignedBy(X509CRL list, X509Certificate ca) {
        if (!list.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            throw new VerificationException(
                    VerificationException.Reason.NOT_CERTIFIED,
                    "the revocation list was issued by " + list.getIssuerX500Principal() + ", not by the pinned CA "
                            + ca.getSubjectX500Principal());
        }
        try {
            list.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new VerificationException(
                    VerificationException.Reason.NOT_CERTIFIED,
                    "the revocation list is not signed by the pinned CA " + Fingerprint.of(ca) + " (" + e.getMessage()
                            + ")");
        }
        Map<BigInteger, Instant> entries = new LinkedHashMap<>();
        if (list.getRevokedCertificates() != null) {
            for (X509CRLEntry entry : list.getRevokedCertificates()) {
                entries.put(entry.getSerialNumber(), entry.getRevocationDate().toInstant());
            }
        }
        return entries;
    }

    static String pem(X509CRL list) {
        try {
            return PEM_BEGIN + "\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(list.getEncoded()) + "\n" + PEM_END
                    + "\n";
        } catch (CRLException e) {
            throw new CryptoException("cannot encode the revocation list: " + e.getMessage(), e);
        }
    }
}
