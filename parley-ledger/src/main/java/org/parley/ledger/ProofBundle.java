package org.parley.ledger;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Everything needed to show a third party, offline, that an envelope is on a party's record: the
 * envelope's exact bytes and signature, its inclusion proof, the log owner's signed tree head with
 * the other party's countersignature, and the certificates of the three signers (each chaining to
 * a party CA the checker pins). Written and read as JSON by {@link #toJson} and {@link #fromJson}.
 */
public record ProofBundle(
        EnvelopeBytes envelopeBytes,
        SignatureBytes envelopeSignature,
        List<X509Certificate> envelopeSignerCertificates,
        InclusionProof inclusionProof,
        CountersignedTreeHead treeHead,
        List<X509Certificate> logOwnerCertificates,
        List<X509Certificate> countersignerCertificates) {

    public ProofBundle {
        envelopeSignerCertificates = nonEmpty(envelopeSignerCertificates, "envelopeSignerCertificates");
        logOwnerCertificates = nonEmpty(logOwnerCertificates, "logOwnerCertificates");
        countersignerCertificates = nonEmpty(countersignerCertificates, "countersignerCertificates");
    }

    /** The bundle as JSON (format {@code parley-proof-bundle/1}). */
    public String toJson() {
        return BundleJson.write(this);
    }

    /**
     * Reads a bundle written by {@link #toJson}.
     *
     * @throws LedgerException naming the field that is missing or malformed
     */
    public static ProofBundle fromJson(String json) {
        return BundleJson.read(json);
    }

    private static List<X509Certificate> nonEmpty(List<X509Certificate> certificates, String name) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(name + " must hold at least the signer's own certificate");
        }
        return List.copyOf(certificates);
    }
}
